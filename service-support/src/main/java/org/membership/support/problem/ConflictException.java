package org.membership.support.problem;

import org.springframework.http.HttpStatus;

/**
 * The request comes too late or clashes with the current state (already decided, already
 * replayed): 409.
 */
public class ConflictException extends ProblemException {

	public ConflictException(String detail) {
		this("conflict", "Conflict", detail);
	}

	/**
	 * A conflict of its own kind, e.g. {@code already-decided}.
	 */
	public ConflictException(String slug, String title, String detail) {
		super(HttpStatus.CONFLICT, slug, title, detail);
	}

}
