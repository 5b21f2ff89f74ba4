package org.membership.directory.web;

/** A request parameter the client can fix: answered 400 naming the parameter. */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
