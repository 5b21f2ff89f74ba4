package org.membership.support.problem;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every error: RFC 9457 problem details whose {@code type} is
 * {@code urn:membership:problem:<slug>}, and whose bad input is listed under
 * {@code errors}, each entry naming the JSON field or the query parameter in
 * {@code field}. Used by the controller advice and by what answers outside Spring MVC
 * (servlet filters, security entry points).
 */
public final class Problems {

	/** Prefix of every problem type URI. */
	public static final String TYPE_PREFIX = "urn:membership:problem:";

	/** Invalid input: each bad field or parameter is listed in {@code errors}. */
	public static final URI INVALID_INPUT = type("invalid-input");

	/** The property that lists the bad fields and parameters. */
	public static final String ERRORS = "errors";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** The type URI of the problem called {@code slug}, e.g. {@code not-found}. */
	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

	/** A problem of the given type, title and detail. */
	public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/** 400 invalid input listing every bad field or parameter. */
	public static ProblemDetail invalidInput(List<FieldProblem> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", (errors.size() == 1)
				? "1 field or parameter is invalid." : errors.size() + " fields or parameters are invalid.");
		problem.setProperty(ERRORS, errors);
		return problem;
	}

	/**
	 * Writes {@code problem} as the response, for code that runs outside Spring MVC.
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
		response.flushBuffer();
	}

	/**
	 * One bad field of a body (its JSON path, e.g. {@code organisation.country}) or one
	 * bad query parameter (its name, e.g. {@code size}), and what is wrong with it.
	 *
	 * @param field the JSON path or the parameter name
	 * @param message what is wrong, in words a person can act on
	 */
	public record FieldProblem(String field, String message) {
	}

}
