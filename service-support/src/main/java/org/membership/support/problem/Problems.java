package org.membership.support.problem;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

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

	// the mixin writes the extra members at the top level, as Spring MVC's converter does
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private static final Map<String, String> EXPECTED = Map.ofEntries(Map.entry("LocalDate", "a date (yyyy-MM-dd)"),
			Map.entry("Instant", "a time (ISO 8601, e.g. 2023-01-01T00:00:00Z)"),
			Map.entry("Integer", "a whole number"), Map.entry("int", "a whole number"),
			Map.entry("Long", "a whole number"), Map.entry("long", "a whole number"),
			Map.entry("Boolean", "true or false"), Map.entry("boolean", "true or false"),
			Map.entry("String", "a string"), Map.entry("UUID", "a UUID"));

	private Problems() {
	}

	/** The type URI of the problem called {@code slug}, e.g. {@code not-found}. */
	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

	/**
	 * The type URI of a problem that has no slug of its own: the status's name, e.g.
	 * {@code method-not-allowed}, {@code content-too-large}.
	 */
	public static URI type(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return type(
				(known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "status-" + status.value());
	}

	/** A problem of the given type, title and detail. */
	public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * A problem named after its status (type {@code urn:membership:problem:forbidden},
	 * title "Forbidden").
	 */
	public static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(status));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/**
	 * 400 invalid input listing every bad field or parameter; the detail says them all in
	 * one sentence.
	 */
	public static ProblemDetail invalidInput(List<FieldProblem> errors) {
		return invalidInput(errors.isEmpty() ? "The input is invalid."
				: errors.stream()
					.map((error) -> error.field() + " " + error.message())
					.collect(Collectors.joining("; ")) + ".",
				errors);
	}

	/**
	 * 400 invalid input with a detail of its own, for input that has no field to name (a
	 * body that is not JSON): {@code errors} may be empty, but is always there.
	 */
	public static ProblemDetail invalidInput(String detail, List<FieldProblem> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

	/**
	 * What a value of {@code type} must look like, for the message of a value that could
	 * not be read as one: "must be one of [FULL, ASSOCIATE]", "must be a whole number".
	 */
	public static String invalidValue(Class<?> type) {
		if (type == null) {
			return "has an invalid value";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants());
		}
		String expected = EXPECTED.get(type.getSimpleName());
		return (expected != null) ? "must be " + expected : "has an invalid value";
	}

	/**
	 * Writes {@code problem} as the response, for code that runs outside Spring MVC; its
	 * {@code instance} is the request's path unless set.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(instance(request.getRequestURI()));
		}
		write(response, problem);
	}

	private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
		response.flushBuffer();
	}

	/** The path of a request as a problem's {@code instance}; null if it is no URI. */
	static URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
