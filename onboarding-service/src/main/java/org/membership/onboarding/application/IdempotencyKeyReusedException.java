package org.membership.onboarding.application;

/** An Idempotency-Key came back with another body than the first time. */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException() {
		super("This Idempotency-Key was used with another request body");
	}

}
