package org.membership.benchmarks;

import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * How the simulations build their phases: a fixed number of virtual users that start
 * together and each send the next request only when the previous one was answered (a
 * closed system of that concurrency), with their start, answers and end recorded in
 * {@link Phases#RECORDED}; and phases that run one after the other.
 */
final class MeasuredPhases {

	private static final String SENT = "benchmarks.sent";

	private MeasuredPhases() {
	}

	/**
	 * A phase of {@code users} virtual users that each run {@code loop}, which sends its
	 * requests through {@link #measured(String, ChainBuilder)}.
	 */
	static PopulationBuilder phase(String phase, String measure, int users, ChainBuilder loop) {
		return scenario(phase).exec((session) -> {
			Phases.RECORDED.userStarted(phase, measure);
			return session;
		}).exec(loop).exec((session) -> {
			Phases.RECORDED.userFinished(phase);
			return session;
		}).injectOpen(atOnceUsers(users));
	}

	/**
	 * Sends a request and records its answer and response time, then clears the failure,
	 * so that the next request of the same user is judged on its own.
	 */
	static ChainBuilder measured(String phase, ChainBuilder request) {
		return exec((session) -> session.set(SENT, Phases.RECORDED.now())).exec(request).exec((session) -> {
			Phases.RECORDED.answered(phase, !session.isFailed(), session.getLong(SENT));
			return session.markAsSucceeded();
		});
	}

	/**
	 * The phases one after the other: each starts when every user of the one before
	 * ended.
	 */
	static PopulationBuilder inSequence(List<PopulationBuilder> phases) {
		PopulationBuilder chain = phases.get(phases.size() - 1);
		for (int i = phases.size() - 2; i >= 0; i--) {
			chain = phases.get(i).andThen(chain);
		}
		return chain;
	}

}
