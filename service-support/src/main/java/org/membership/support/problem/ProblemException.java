package org.membership.support.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error of a service that answers with its own problem details: thrown (or extended)
 * by the services, answered by the shared controller advice, so that no service needs an
 * advice of its own. Its subclasses name the usual cases: {@link NotFoundException},
 * {@link ConflictException}, {@link InvalidInputException}.
 */
public class ProblemException extends RuntimeException {

	private final ProblemDetail problem;

	/**
	 * @param slug the last part of the type URI, e.g. {@code already-decided}
	 * @param title a short summary of the kind of problem
	 * @param detail what happened in this case, in words a person can act on
	 */
	public ProblemException(HttpStatus status, String slug, String title, String detail) {
		this(Problems.problem(status, slug, title, detail), null);
	}

	/**
	 * A problem named after its status, e.g. {@code urn:membership:problem:forbidden}.
	 */
	public ProblemException(HttpStatus status, String detail) {
		this(Problems.problem(status, detail), null);
	}

	/** A problem of its own, and the failure that caused it (logged, never answered). */
	protected ProblemException(ProblemDetail problem, Throwable cause) {
		super(problem.getDetail(), cause);
		this.problem = problem;
	}

	/**
	 * Adds a member to the problem details (e.g. the current status of what conflicted).
	 */
	protected final void setProperty(String name, Object value) {
		this.problem.setProperty(name, value);
	}

	/** The problem details answered for this error. */
	public ProblemDetail getProblem() {
		return this.problem;
	}

}
