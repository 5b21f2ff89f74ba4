package org.membership.directory.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The directory's own counters, all tagged with the topic of the record:
 * {@code membership.directory.events.applied}, {@code .duplicates}, {@code .stale} and
 * {@code .dead-lettered}; {@code membership.directory.dead-letters.replayed}. Counted
 * after the database commit, so a rolled-back attempt is never counted.
 */
@Component
public class DirectoryMetrics {

	public static final String APPLIED = "membership.directory.events.applied";

	public static final String DUPLICATES = "membership.directory.events.duplicates";

	public static final String STALE = "membership.directory.events.stale";

	public static final String DEAD_LETTERED = "membership.directory.events.dead-lettered";

	public static final String REPLAYED = "membership.directory.dead-letters.replayed";

	private final MeterRegistry registry;

	DirectoryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void applied(String topic) {
		counter(APPLIED, topic, "Events that changed the directory").increment();
	}

	public void duplicate(String topic) {
		counter(DUPLICATES, topic, "Redelivered events skipped (eventId already processed)").increment();
	}

	public void stale(String topic) {
		counter(STALE, topic, "Events skipped because a newer applicationVersion was applied").increment();
	}

	public void deadLettered(String topic) {
		counter(DEAD_LETTERED, topic, "Records sent to the dead-letter topic").increment();
	}

	public void replayed(String topic) {
		counter(REPLAYED, topic, "Dead letters republished to their original topic").increment();
	}

	private Counter counter(String name, String topic, String description) {
		return Counter.builder(name).description(description).tag("topic", topic).register(this.registry);
	}

}
