package org.membership.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.membership.support.metrics.MetricNames;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * {@code membership.<service>.outbox.waiting}: the events in the outbox that the broker
 * has not acknowledged yet (failed ones included). It grows during a broker outage and
 * returns to zero after it.
 */
class OutboxMetrics implements MeterBinder {

	static final String WAITING = "outbox.waiting";

	private final String applicationName;

	private final JdbcOperations jdbc;

	private final String table;

	OutboxMetrics(String applicationName, JdbcOperations jdbc, String table) {
		this.applicationName = applicationName;
		this.jdbc = jdbc;
		this.table = table;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(MetricNames.of(this.applicationName, WAITING), this::waiting)
			.description("Events stored in the outbox and not yet acknowledged by Kafka")
			.strongReference(true)
			.register(registry);
	}

	long waiting() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table + " WHERE completion_date IS NULL",
				Long.class);
		return (count != null) ? count : 0;
	}

}
