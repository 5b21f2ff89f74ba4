package org.membership.support.deadletter;

import org.membership.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a dead letter could not be replayed, as problem details: Spring MVC writes the body
 * of an {@link ErrorResponseException} as it is.
 */
class DeadLetterProblem extends ErrorResponseException {

	private DeadLetterProblem(ProblemDetail problem, Throwable cause) {
		super(HttpStatusCode.valueOf(problem.getStatus()), problem, cause);
	}

	/** 404: no such dead letter among this service's dead-letter topics. */
	static DeadLetterProblem notFound(String detail) {
		return new DeadLetterProblem(
				Problems.problem(HttpStatus.NOT_FOUND, "dead-letter-not-found", "No such dead letter", detail), null);
	}

	/** 409: it was replayed before. */
	static DeadLetterProblem alreadyReplayed(String detail) {
		return new DeadLetterProblem(Problems.problem(HttpStatus.CONFLICT, "dead-letter-already-replayed",
				"Dead letter already replayed", detail), null);
	}

	/**
	 * 422: the record still fails in this service; it stays a dead letter, not replayed.
	 */
	static DeadLetterProblem replayFailed(String detail, Throwable cause) {
		return new DeadLetterProblem(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "dead-letter-replay-failed",
				"Replay failed", detail), cause);
	}

}
