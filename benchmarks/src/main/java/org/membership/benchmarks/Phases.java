package org.membership.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The wall-clock span and the answers of each phase of a simulation, recorded by its
 * virtual users. Gatling's own rates divide by the whole simulation's duration, which
 * holds every phase; a rate of one phase needs the span from its first user's start to
 * its last user's end.
 */
final class Phases {

	/**
	 * The recorder the simulations of this JVM write to and {@link BenchmarkRun} drains.
	 */
	static final Phases RECORDED = new Phases(System::nanoTime);

	/** A source of monotonic nanoseconds. */
	interface Ticker {

		long nanos();

	}

	/**
	 * What one phase did.
	 *
	 * @param phase the phase, unique in a simulation (e.g. {@code submission #2})
	 * @param measure what it measures, shared by the phases of every round (e.g.
	 * {@code submission})
	 * @param ok the answers with the expected status
	 * @param failed the other answers and the requests that got none
	 * @param elapsed from the first user's start to the last user's end
	 */
	record Result(String phase, String measure, long ok, long failed, Duration elapsed) {
	}

	private final Ticker ticker;

	private final Map<String, Phase> phases = new LinkedHashMap<>();

	Phases(Ticker ticker) {
		this.ticker = ticker;
	}

	void userStarted(String phase, String measure) {
		phase(phase, measure).firstStart.accumulateAndGet(this.ticker.nanos(), Math::min);
	}

	void answered(String phase, boolean ok) {
		Phase recorded = existing(phase);
		(ok ? recorded.ok : recorded.failed).increment();
	}

	void userFinished(String phase) {
		existing(phase).lastEnd.accumulateAndGet(this.ticker.nanos(), Math::max);
	}

	/** Every phase recorded since the last call, in the order they started. */
	synchronized List<Result> drain() {
		List<Result> results = new ArrayList<>();
		this.phases.forEach((name, phase) -> results.add(new Result(name, phase.measure, phase.ok.sum(),
				phase.failed.sum(), Duration.ofNanos(Math.max(0, phase.lastEnd.get() - phase.firstStart.get())))));
		this.phases.clear();
		return results;
	}

	private synchronized Phase phase(String phase, String measure) {
		return this.phases.computeIfAbsent(phase, (name) -> new Phase(measure));
	}

	private synchronized Phase existing(String phase) {
		Phase recorded = this.phases.get(phase);
		if (recorded == null) {
			throw new IllegalStateException("Phase " + phase + " has not started");
		}
		return recorded;
	}

	private static final class Phase {

		private final String measure;

		private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);

		private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

		private final LongAdder ok = new LongAdder();

		private final LongAdder failed = new LongAdder();

		private Phase(String measure) {
			this.measure = measure;
		}

	}

}
