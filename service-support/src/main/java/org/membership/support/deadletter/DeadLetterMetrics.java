package org.membership.support.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.membership.support.metrics.MetricNames;

/**
 * {@code membership.<service>.events.dead-lettered} and
 * {@code membership.<service>.dead-letters.replayed}, tagged with the topic the record
 * was read from.
 */
class DeadLetterMetrics {

	private final MeterRegistry registry;

	private final String deadLettered;

	private final String replayed;

	DeadLetterMetrics(MeterRegistry registry, String applicationName) {
		this.registry = registry;
		this.deadLettered = MetricNames.of(applicationName, "events.dead-lettered");
		this.replayed = MetricNames.of(applicationName, "dead-letters.replayed");
	}

	void deadLettered(String topic) {
		Counter.builder(this.deadLettered)
			.description("Records sent to this service's dead-letter topic after their last attempt")
			.tag("topic", topic)
			.register(this.registry)
			.increment();
	}

	void replayed(String topic) {
		Counter.builder(this.replayed)
			.description("Dead letters reprocessed by staff")
			.tag("topic", topic)
			.register(this.registry)
			.increment();
	}

}
