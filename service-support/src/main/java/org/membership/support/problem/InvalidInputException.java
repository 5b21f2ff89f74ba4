package org.membership.support.problem;

import java.util.List;

import org.membership.support.problem.Problems.FieldProblem;

/**
 * Input the client can fix: 400 listing every bad field or query parameter under
 * {@code errors}.
 */
public class InvalidInputException extends ProblemException {

	private final List<FieldProblem> errors;

	public InvalidInputException(List<FieldProblem> errors) {
		super(Problems.invalidInput(errors), null);
		this.errors = List.copyOf(errors);
	}

	/** Every bad field or parameter. */
	public List<FieldProblem> getErrors() {
		return this.errors;
	}

}
