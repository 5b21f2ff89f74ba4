package org.membership.notification.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.membership.notification.support.NotificationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@NotificationIntegrationTest
class NotificationClaimIntegrationTests {

	@Autowired
	private NotificationRepository repository;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void ofTwoInstancesThatSeeTheSameDueMailOnlyOneClaimsIt() {
		UUID id = UUID.randomUUID();
		// a day ahead: due for the two "instances" below, not yet for the running sender
		Instant now = Instant.now().plus(1, ChronoUnit.DAYS);
		NotificationRequest request = new NotificationRequest(UUID.randomUUID(), UUID.randomUUID(),
				NotificationKind.ACKNOWLEDGEMENT, "claims@example.org", Map.of());
		assertThat(this.repository.insertIfAbsent(id, request, "claims@example.org",
				new ComposedMail("subject", "text", "<p>html</p>"), "{}", now))
			.isTrue();
		assertThat(this.repository.insertIfAbsent(UUID.randomUUID(), request, "claims@example.org",
				new ComposedMail("subject", "text", "<p>html</p>"), "{}", now))
			.as("the same event and kind again")
			.isFalse();

		// both saw it due, with no attempt yet
		NotificationRepository.Due due = this.repository.findDue(now, Integer.MAX_VALUE)
			.stream()
			.filter((found) -> found.id().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(due.attempts()).isZero();
		boolean first = this.repository.claim(due, now.plusSeconds(120));
		boolean second = this.repository.claim(due, now.plusSeconds(120));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		this.repository.markSent(id, now);
	}

	/**
	 * The sender asks for the due mails once per batch; at the seed's scale (99,000
	 * pending) a plan that reads every pending row took most of the service's processor
	 * time. H2 must read the due index in its order and stop at the limit (PostgreSQL
	 * plans the query on its own statistics).
	 */
	@Test
	void theDueMailsAreReadInTheIndexsOrderUpToTheLimitNotSorted() throws Exception {
		String database = JdbcUtils.extractDatabaseMetaData(this.dataSource,
				(metaData) -> metaData.getDatabaseProductName());
		assumeTrue("H2".equals(database), "H2's plan");

		String plan = this.jdbc.sql("EXPLAIN " + NotificationRepository.DUE)
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.param("limit", 20)
			.query(String.class)
			.single();

		assertThat(plan).contains("NOTIFICATION_DUE").contains("/* index sorted */");
	}

}
