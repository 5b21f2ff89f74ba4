package org.membership.onboarding.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.membership.onboarding.application.ApplicationAlreadyDecidedException;
import org.membership.onboarding.application.ApplicationNotFoundException;
import org.membership.onboarding.application.IdempotencyKeyReusedException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the JSON API. Invalid input answers 400 with an
 * {@code errors} list naming each bad field by its JSON path
 * ({@code organisation.country}); unknown fields are invalid input too. It applies to
 * every request that Spring MVC could not map (415, 405, ...); the web pages handle their
 * own errors in their controllers.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	/** One bad field: its JSON path and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// problem details whatever the failed mapping produced (415, 406, 405 included)
		HttpHeaders problemHeaders = new HttpHeaders();
		if (headers != null) {
			problemHeaders.putAll(headers);
		}
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.handleExceptionInternal(ex, body, problemHeaders, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(fieldProblems(ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return invalid(List.of(new FieldProblem(path(unknown), "is not a known field")));
		}
		if (cause instanceof InvalidFormatException format) {
			return invalid(
					List.of(new FieldProblem(path(format), "has an invalid value" + expected(format.getTargetType()))));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return invalid(List
				.of(new FieldProblem(path(mismatch), "has the wrong type" + expected(mismatch.getTargetType()))));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return invalid(List.of(new FieldProblem(path(jackson), "has an invalid value")));
		}
		String detail = (cause instanceof StreamReadException) ? "The request body is not well-formed JSON."
				: "The request body is missing or is not a JSON object of the expected shape.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(Problems.INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidField(InvalidFieldException ex) {
		return invalid(List.of(new FieldProblem(ex.getField(), ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(
				List.of(new FieldProblem(ex.getName(), "has an invalid value" + expected(ex.getRequiredType()))));
	}

	@ExceptionHandler
	ProblemDetail notFound(ApplicationNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such application.");
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail alreadyDecided(ApplicationAlreadyDecidedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The application is already " + ex.getStatus() + "; it can no longer be decided.");
		problem.setTitle("Already decided");
		problem.setProperty("id", ex.getId());
		problem.setProperty("currentStatus", ex.getStatus());
		return problem;
	}

	@ExceptionHandler({ ConcurrencyFailureException.class, DuplicateKeyException.class })
	ProblemDetail concurrentChange(RuntimeException ex) {
		// a lock timeout or the history's one-entry-per-version guard: another change won
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The application was changed at the same time by another request; reload it and try again.");
		problem.setTitle("Concurrent change");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"This Idempotency-Key was already used with another request body; use a new key for a new application.");
		problem.setTitle("Idempotency-Key reused");
		return problem;
	}

	/** A 400 listing each bad field. */
	public static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream()
					.map((error) -> error.field() + " " + error.message())
					.collect(Collectors.joining("; ")));
		problem.setType(Problems.INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	static List<FieldProblem> fieldProblems(BindingResult result) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), message(error)));
		}
		result.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		errors.sort(java.util.Comparator.comparing(FieldProblem::field));
		return errors;
	}

	private static String message(FieldError error) {
		if (error.isBindingFailure()) {
			return "has an invalid value";
		}
		return error.getDefaultMessage();
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		if (type.isEnum()) {
			return ", expected one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		Map<String, String> known = Map.of("LocalDate", "a date (yyyy-MM-dd)", "Integer", "a whole number", "int",
				"a whole number", "String", "a string", "UUID", "a UUID");
		String name = known.get(type.getSimpleName());
		return (name != null) ? ", expected " + name : "";
	}

}
