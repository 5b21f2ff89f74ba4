package org.membership.notification.system;

/**
 * An event that can never be processed as it is (a required field is missing or
 * malformed). Not retried: the record goes straight to its dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String message) {
		super(message);
	}

}
