package org.membership.support.deadletter;

/**
 * An event that can never be processed as it is (a required field missing, a value the
 * service does not accept). A listener throws it to say so: the record is not retried but
 * goes at once to the consumer's dead-letter topic, where staff find it with this
 * message. Once the cause is fixed (e.g. a tier added to the configuration), they replay
 * it.
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String message) {
		super(message);
	}

	public InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
