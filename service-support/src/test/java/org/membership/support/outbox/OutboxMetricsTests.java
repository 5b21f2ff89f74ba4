package org.membership.support.outbox;

import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxMetricsTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
		.generateUniqueName(true)
		.build();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database);

	@AfterEach
	void shutdown() {
		this.database.shutdown();
	}

	@Test
	void countsThePublicationsNotYetAcknowledged() {
		this.jdbc.execute("CREATE TABLE event_publication (id UUID PRIMARY KEY, completion_date TIMESTAMP)");
		this.jdbc.update("INSERT INTO event_publication VALUES (?, NULL)", UUID.randomUUID());
		this.jdbc.update("INSERT INTO event_publication VALUES (?, NULL)", UUID.randomUUID());
		this.jdbc.update("INSERT INTO event_publication VALUES (?, CURRENT_TIMESTAMP)", UUID.randomUUID());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();

		new OutboxMetrics("onboarding-service", this.jdbc, "event_publication").bindTo(meters);

		Gauge waiting = meters.get("membership.onboarding.outbox.waiting").gauge();
		assertThat(waiting.value()).isEqualTo(2);
		this.jdbc.update("DELETE FROM event_publication WHERE completion_date IS NULL");
		assertThat(waiting.value()).isZero();
	}

}
