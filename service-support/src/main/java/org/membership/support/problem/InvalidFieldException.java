package org.membership.support.problem;

import java.util.List;

import org.membership.support.problem.Problems.FieldProblem;

/**
 * One value that passed the request's constraints but breaks a rule that needs the
 * service's state or time (an effective date too far ahead, a tier no longer configured):
 * 400 naming the field.
 */
public class InvalidFieldException extends InvalidInputException {

	private final String field;

	private final String reason;

	/**
	 * @param field the JSON path, parameter or header that is wrong, e.g.
	 * {@code effectiveFrom}
	 * @param reason what is wrong with it, e.g. "must be one of [FULL, ASSOCIATE]"
	 */
	public InvalidFieldException(String field, String reason) {
		super(List.of(new FieldProblem(field, reason)));
		this.field = field;
		this.reason = reason;
	}

	public String getField() {
		return this.field;
	}

	/** What is wrong with the field, without its name. */
	public String getReason() {
		return this.reason;
	}

}
