package org.membership.onboarding.application;

import org.membership.support.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** An Idempotency-Key came back with another body than the first time: 422. */
public class IdempotencyKeyReusedException extends ProblemException {

	public IdempotencyKeyReusedException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				"This Idempotency-Key was already used with another request body; use a new key for a new application.");
	}

}
