package org.membership.onboarding.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code membership.onboarding.outbox.waiting}: the events in the outbox not yet
 * acknowledged by the broker (incomplete publications, failed ones included). It grows
 * during a broker outage and shrinks to zero after it.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
		Gauge
			.builder("membership.onboarding.outbox.waiting",
					() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
						.query(Long.class)
						.single())
			.description("Events stored in the outbox and not yet acknowledged by Kafka")
			.register(registry);
	}

}
