package org.membership.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The wall-clock span, the answers and the response times of each phase of a simulation,
 * recorded by its virtual users. Gatling's own rates divide by the whole simulation's
 * duration, which holds every phase, and its report keeps its figures inside the HTML; a
 * rate of one phase needs the span from its first user's start to its last user's end.
 */
final class Phases {

	/**
	 * The recorder the simulations of this JVM write to and {@link BenchmarkRun} drains.
	 */
	static final Phases RECORDED = new Phases(System::nanoTime);

	/** Response times up to ten minutes, in microseconds, to three significant digits. */
	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

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
	 * @param responseTimes the response times of the successful requests, in microseconds
	 */
	record Result(String phase, String measure, long ok, long failed, Duration elapsed, Histogram responseTimes) {
	}

	private final Ticker ticker;

	private final Map<String, Phase> phases = new LinkedHashMap<>();

	Phases(Ticker ticker) {
		this.ticker = ticker;
	}

	/** Now, for {@link #answered(String, boolean, long)}. */
	long now() {
		return this.ticker.nanos();
	}

	void userStarted(String phase, String measure) {
		phase(phase, measure).firstStart.accumulateAndGet(this.ticker.nanos(), Math::min);
	}

	/**
	 * Records an answer.
	 * @param phase the phase
	 * @param ok whether it was the expected one
	 * @param sent when the request was sent ({@link #now()})
	 */
	void answered(String phase, boolean ok, long sent) {
		Phase recorded = existing(phase);
		if (ok) {
			recorded.ok.increment();
			long micros = TimeUnit.NANOSECONDS.toMicros(this.ticker.nanos() - sent);
			recorded.responseTimes.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
		}
		else {
			recorded.failed.increment();
		}
	}

	void userFinished(String phase) {
		existing(phase).lastEnd.accumulateAndGet(this.ticker.nanos(), Math::max);
	}

	/** Every phase recorded since the last call, in the order they started. */
	synchronized List<Result> drain() {
		List<Result> results = new ArrayList<>();
		this.phases.forEach((name,
				phase) -> results.add(new Result(name, phase.measure, phase.ok.sum(), phase.failed.sum(),
						Duration.ofNanos(Math.max(0, phase.lastEnd.get() - phase.firstStart.get())),
						phase.responseTimes.copy())));
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

		private final Histogram responseTimes = new ConcurrentHistogram(HIGHEST_MICROS, 3);

		private Phase(String measure) {
			this.measure = measure;
		}

	}

}
