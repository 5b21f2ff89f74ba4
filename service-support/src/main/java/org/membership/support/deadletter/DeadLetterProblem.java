package org.membership.support.deadletter;

import org.membership.support.problem.ProblemException;
import org.membership.support.problem.Problems;

import org.springframework.http.HttpStatus;

/**
 * Why a dead letter could not be replayed: a problem of the one shape, answered by the
 * shared controller advice like every other error of a service.
 */
final class DeadLetterProblem extends ProblemException {

	private DeadLetterProblem(HttpStatus status, String slug, String title, String detail, Throwable cause) {
		super(Problems.problem(status, slug, title, detail), cause);
	}

	/** 404: no such dead letter among this service's dead-letter topics. */
	static DeadLetterProblem notFound(String detail) {
		return new DeadLetterProblem(HttpStatus.NOT_FOUND, "dead-letter-not-found", "No such dead letter", detail,
				null);
	}

	/** 409: it was replayed before. */
	static DeadLetterProblem alreadyReplayed(String detail) {
		return new DeadLetterProblem(HttpStatus.CONFLICT, "dead-letter-already-replayed",
				"Dead letter already replayed", detail, null);
	}

	/**
	 * 422: the record still fails in this service; it stays a dead letter, not replayed.
	 */
	static DeadLetterProblem replayFailed(String detail, Throwable cause) {
		return new DeadLetterProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dead-letter-replay-failed", "Replay failed",
				detail, cause);
	}

}
