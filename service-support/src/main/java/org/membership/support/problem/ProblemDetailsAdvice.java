package org.membership.support.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.membership.support.problem.Problems.FieldProblem;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a controller can raise, as RFC 9457 problem details of the one shape
 * ({@link Problems}): what Spring MVC raises (400 unreadable or invalid input naming each
 * JSON path, query parameter or header, 404, 405, 406, 413, 415, ...), a service's own
 * {@link ProblemException}, a concurrent change (409), and anything else as a 500 that
 * says nothing about the internals. A database that cannot be reached (or a transient
 * database failure) is a 503 with {@code Retry-After}: the request may be sent again. A
 * web page that renders its own errors keeps doing so with an {@code @ExceptionHandler}
 * in its controller, which wins over this advice.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** What a 503 asks the client to wait before sending the request again. */
	static final long RETRY_AFTER_SECONDS = 5;

	@ExceptionHandler
	ResponseEntity<Object> serviceProblem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = ex.getProblem();
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler({ ConcurrencyFailureException.class, DuplicateKeyException.class })
	ResponseEntity<Object> concurrentChange(RuntimeException ex, WebRequest request) {
		// another change won: a lock timed out, or a uniqueness guard (one history entry
		// per version) refused the second writer
		ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
				"It was changed at the same time by another request; reload it and try again.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/**
	 * The database cannot be reached (no connection, a connection lost mid-request, no
	 * transaction could begin) or failed transiently: nothing was committed, so the
	 * client may send the same request again. {@link ConcurrencyFailureException} is a
	 * {@link TransientDataAccessException} too, but its own handler above is the closer
	 * match and keeps it a 409. {@code CannotGetJdbcConnectionException} is a
	 * {@link DataAccessResourceFailureException}.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessException.class })
	ResponseEntity<Object> databaseUnavailable(RuntimeException ex, WebRequest request) {
		return unavailable(ex, request);
	}

	/**
	 * A commit or rollback that failed on its JDBC connection (the connection dropped
	 * mid-transaction, and Hikari closed it): the database went away, as above. The
	 * transaction is atomic, so it committed wholly or not at all, and a client sends the
	 * request again (with its {@code Idempotency-Key} where the endpoint takes one). Any
	 * other {@link TransactionSystemException} stays unexpected.
	 */
	@ExceptionHandler
	ResponseEntity<Object> transactionFailed(TransactionSystemException ex, WebRequest request) throws Exception {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException) {
				return unavailable(ex, request);
			}
		}
		return unexpected(ex, request);
	}

	private ResponseEntity<Object> unavailable(RuntimeException ex, WebRequest request) {
		logger.warn("Database unavailable answering {}: {}", request.getDescription(false), ex.toString());
		ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable",
				"The request could not be completed because a service it needs is unavailable. Send it again later.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			// Spring Security answers these (401/403) with its own entry points
			throw ex;
		}
		logger.error("Unexpected error answering {}", request.getDescription(false), ex);
		ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed because of an error on our side; it has been logged.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, fieldProblems(ex.getBindingResult()), request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors bean) {
				// a @Valid body or model attribute: its fields by their paths
				errors.addAll(fieldProblems(bean));
			}
			else {
				String name = ParameterNames.of(result.getMethodParameter());
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.add(new FieldProblem(name, error.getDefaultMessage()));
				}
			}
		}
		for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
			errors.add(new FieldProblem("parameters", error.getDefaultMessage()));
		}
		return invalid(ex, errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return invalid(ex, List.of(new FieldProblem(path(unknown), "is not a known field")), request);
		}
		if (cause instanceof InvalidFormatException format) {
			return invalid(ex, List.of(new FieldProblem(path(format), Problems.invalidValue(format.getTargetType()))),
					request);
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String expected = Problems.invalidValue(mismatch.getTargetType());
			return invalid(ex,
					List.of(new FieldProblem(path(mismatch),
							expected.startsWith("must") ? "has the wrong type: it " + expected : "has the wrong type")),
					request);
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return invalid(ex, List.of(new FieldProblem(path(jackson), "has an invalid value")), request);
		}
		String detail = (cause instanceof StreamReadException) ? "The request body is not well-formed JSON."
				: "The request body is missing or is not a JSON object of the expected shape.";
		return handleExceptionInternal(ex, Problems.invalidInput(detail, List.of()), new HttpHeaders(),
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument)
				? ParameterNames.of(argument.getParameter()) : ex.getPropertyName();
		return invalid(ex, List.of(new FieldProblem(name, Problems.invalidValue(ex.getRequiredType()))), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), request);
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException header) {
			return invalid(ex, List.of(new FieldProblem(header.getHeaderName(), "is required")), request);
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	/**
	 * Every answer of this advice: the type URI of the one scheme (Spring's own problems
	 * come as {@code about:blank}) and {@code application/problem+json} whatever the
	 * failed request accepted.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail given) ? given : ProblemDetail.forStatus(statusCode);
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(Problems.type(statusCode));
		}
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, problemHeaders, statusCode);
	}

	private ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, WebRequest request) {
		return handleExceptionInternal(ex, Problems.invalidInput(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST,
				request);
	}

	/** The bad fields of a bound object, sorted by path. */
	static List<FieldProblem> fieldProblems(Errors result) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(),
					error.isBindingFailure() ? "has an invalid value" : error.getDefaultMessage()));
		}
		for (ObjectError error : result.getGlobalErrors()) {
			errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage()));
		}
		errors.sort(Comparator.comparing(FieldProblem::field));
		return errors;
	}

	/** The JSON path of a body error, e.g. {@code organisation.country}. */
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

}
