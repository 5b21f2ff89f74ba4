package org.membership.directory.member;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The directory's own counters, all tagged with the topic of the record:
 * {@code membership.directory.events.applied}, {@code .duplicates} and {@code .stale}
 * (service-support counts {@code .dead-lettered} and
 * {@code membership.directory.dead-letters.replayed}). Counted after the database commit,
 * so a rolled-back attempt is never counted.
 */
@Component
class DirectoryMetrics {

	static final String APPLIED = "membership.directory.events.applied";

	static final String DUPLICATES = "membership.directory.events.duplicates";

	static final String STALE = "membership.directory.events.stale";

	private final MeterRegistry registry;

	DirectoryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void applied(String topic) {
		counter(APPLIED, topic, "Events that changed the directory").increment();
	}

	void duplicate(String topic) {
		counter(DUPLICATES, topic, "Redelivered events skipped (eventId already processed)").increment();
	}

	void stale(String topic) {
		counter(STALE, topic, "Events skipped because a newer applicationVersion was applied").increment();
	}

	private Counter counter(String name, String topic, String description) {
		return Counter.builder(name).description(description).tag("topic", topic).register(this.registry);
	}

}
