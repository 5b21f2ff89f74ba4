package org.membership.onboarding.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The security handlers' way to the one problem shape of
 * {@link org.membership.support.problem.Problems} (type
 * {@code urn:membership:problem:<status>}); it goes when staff security moves to the
 * support module.
 */
final class Problems {

	private Problems() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String instance)
			throws IOException {
		ProblemDetail problem = org.membership.support.problem.Problems.problem(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(instance));
		org.membership.support.problem.Problems.write(response, problem);
	}

}
