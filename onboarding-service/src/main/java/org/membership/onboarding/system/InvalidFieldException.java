package org.membership.onboarding.system;

/**
 * A value that passed the request's constraints but breaks a rule that needs the
 * service's state or time (an effectiveFrom too far ahead, a tier no longer configured).
 * Answered as 400 problem details naming the field.
 */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
