package org.membership.stack;

/** A failure of the stack with a message meant for the person who started it. */
public class StackException extends RuntimeException {

	public StackException(String message) {
		super(message);
	}

	public StackException(String message, Throwable cause) {
		super(message, cause);
	}

}
