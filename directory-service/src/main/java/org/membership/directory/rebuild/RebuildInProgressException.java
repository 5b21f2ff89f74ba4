package org.membership.directory.rebuild;

import org.membership.support.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A second rebuild while one runs, on any instance: 409 problem details
 * ({@code urn:membership:problem:rebuild-in-progress}).
 */
class RebuildInProgressException extends ProblemException {

	RebuildInProgressException(String detail) {
		super(HttpStatus.CONFLICT, "rebuild-in-progress", "A rebuild is in progress", detail);
	}

}
