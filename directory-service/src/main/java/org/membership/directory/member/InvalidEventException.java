package org.membership.directory.member;

/**
 * An event that can never be applied as it is (a missing or invalid field): not retried,
 * dead-lettered at once. Once the cause is fixed (e.g. a tier added to the
 * configuration), staff replay the dead letter.
 */
public class InvalidEventException extends RuntimeException {

	InvalidEventException(String message) {
		super(message);
	}

}
