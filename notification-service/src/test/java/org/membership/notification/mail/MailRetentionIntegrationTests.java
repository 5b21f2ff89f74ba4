package org.membership.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.membership.events.ApplicationReceived;
import org.membership.notification.support.Consumption;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.stack.testing.MutableClock;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The texts of mails older than the retention (30 days) are blanked, those of recent ones
 * kept; the rows stay, so a redelivered old event still sends nothing. The clock is moved
 * past the retention instead of waiting for it.
 */
@NotificationIntegrationTest
class MailRetentionIntegrationTests {

	private static final Duration PAST_RETENTION = Duration.ofDays(30).plusHours(1);

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private MailRetention retention;

	@Autowired
	private Notifications notifications;

	@Autowired
	private NotificationRepository repository;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void followTheSystemClockAgain() {
		this.clock.reset();
	}

	@Test
	void theTextsOfOldMailsAreBlankedRecentOnesKeptAndARedeliveryStillSendsNothing() throws Exception {
		UUID old = UUID.randomUUID();
		String oldContact = SampleEvents.uniqueEmail();
		ApplicationReceived oldEvent = received(old, oldContact);
		TestProducer.send(oldEvent);
		awaitSent(old);
		// a FAILED mail as old: staff may still send it, so it keeps its texts
		UUID failed = UUID.randomUUID();
		UUID failedId = UUID.randomUUID();
		assertThat(this.repository.insertIfAbsent(failedId,
				new NotificationRequest(UUID.randomUUID(), failed, NotificationKind.ACKNOWLEDGEMENT,
						"failed@example.org", Map.of()),
				"failed@example.org", new ComposedMail("subject", "text", "<p>html</p>"), "{}",
				Instant.now().plus(Duration.ofDays(1))))
			.isTrue();
		this.repository.markFailed(failedId, "refused");

		this.clock.advance(PAST_RETENTION);
		UUID recent = UUID.randomUUID();
		TestProducer.send(received(recent, SampleEvents.uniqueEmail()));
		awaitSent(recent);
		double prunedBefore = prunedCount();

		int pruned = this.retention.prune();

		assertThat(pruned).isPositive();
		assertThat(prunedCount()).isEqualTo(prunedBefore + pruned);
		assertThat(texts(old)).containsEntry("text_body", "")
			.containsEntry("html_body", "")
			.containsEntry("model", null);
		assertThat(texts(recent).get("text_body")).asString().contains("Dear Andrei Kelemen,");
		assertThat(texts(recent).get("html_body")).asString().isNotBlank();
		assertThat(texts(recent).get("model")).isNotNull();
		assertThat(texts(failed)).containsEntry("text_body", "text").containsEntry("html_body", "<p>html</p>");
		// the old row stays, for staff and for de-duplication
		Notification kept = this.notifications.findByApplication(old).get(0);
		assertThat(kept.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(kept.recipient()).isEqualTo(oldContact);
		assertThat(kept.subject()).contains("CLUJ IT Cluster");
		// a second run (or a second instance) finds nothing more
		assertThat(this.retention.prune()).isZero();

		RecordMetadata again = TestProducer.send(oldEvent);
		Consumption.awaitConsumed(again);
		Exactly.mails(this.smtp, oldContact, 1);
		assertThat(this.notifications.findByApplication(old)).hasSize(1);
	}

	private static ApplicationReceived received(UUID applicationId, String contact) {
		return SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build();
	}

	private void awaitSent(UUID applicationId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.findByApplication(applicationId)
				.stream()
				.anyMatch((n) -> n.status() == NotificationStatus.SENT));
	}

	private Map<String, Object> texts(UUID applicationId) {
		return this.jdbc.sql("SELECT text_body, html_body, model FROM notification WHERE application_id = :id")
			.param("id", applicationId)
			.query((rs, row) -> {
				Map<String, Object> texts = new HashMap<>();
				texts.put("text_body", rs.getString("text_body"));
				texts.put("html_body", rs.getString("html_body"));
				texts.put("model", rs.getString("model"));
				return texts;
			})
			.single();
	}

	private double prunedCount() {
		return this.meters.get("membership.notification.bodies.pruned").counter().count();
	}

}
