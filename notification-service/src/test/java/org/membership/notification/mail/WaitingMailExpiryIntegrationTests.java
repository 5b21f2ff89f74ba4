package org.membership.notification.mail;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.membership.stack.testing.MutableClock;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail for an application whose ApplicationReceived never arrives: the clock is moved
 * past {@code contact-wait} (7 days) instead of waiting for it.
 */
@NotificationIntegrationTest
class WaitingMailExpiryIntegrationTests {

	private static final Duration PAST_CONTACT_WAIT = Duration.ofDays(7).plusHours(1);

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private Notifications notifications;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void followTheSystemClockAgain() {
		this.clock.reset();
	}

	@Test
	void aMailWhoseContactNeverArrivesBecomesFailedWithTheReasonAndIsListedForStaff() throws Exception {
		UUID applicationId = UUID.randomUUID();
		TestProducer.send(SampleEvents.memberApproved(applicationId).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> isWaiting(applicationId));
		double expiredBefore = expiredCount();
		long expiredRowsBefore = expiredRows();

		this.clock.advance(PAST_CONTACT_WAIT);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.findByApplication(applicationId)
				.get(0)
				.status() == NotificationStatus.FAILED);
		Notification failed = this.notifications.findByApplication(applicationId).get(0);
		assertThat(failed.lastError()).isEqualTo(
				"no contact known for application " + applicationId + " after P7D: ApplicationReceived never arrived");
		assertThat(failed.recipient()).isEmpty();
		assertThat(failed.attempts()).isZero();
		assertThat(failed.sentAt()).isNull();
		// later polls find nothing more to expire: each row is counted once (other test
		// classes of this context may have left mails waiting that expired with this one)
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> expiredCount() - expiredBefore == expiredRows() - expiredRowsBefore);

		ResponseEntity<String> listed = this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD)
			.getForEntity("/api/notifications?status=FAILED&size=100", String.class);
		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(listed.getBody()).contains(applicationId.toString()).contains("ApplicationReceived never arrived");

		// a contact that arrives after the expiry gets its acknowledgement only: the
		// expired approval stays FAILED and is not sent
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.smtp.messagesTo(contact).isEmpty());
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.smtp.messagesTo(contact).size() == 1);
		assertThat(this.notifications.findByApplication(applicationId))
			.filteredOn((n) -> n.kind() == NotificationKind.APPROVAL)
			.singleElement()
			.satisfies((approval) -> {
				assertThat(approval.status()).isEqualTo(NotificationStatus.FAILED);
				assertThat(approval.recipient()).isEmpty();
			});
	}

	@Test
	void aMailWhoseContactArrivesInTimeIsSentAndNeverExpired() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.memberApproved(applicationId).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> isWaiting(applicationId));
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.smtp.messagesTo(contact).size() == 2);
		double expiredBefore = expiredCount();

		this.clock.advance(PAST_CONTACT_WAIT);
		// several sender polls run with the moved clock
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> expiredCount() == expiredBefore);

		assertThat(this.notifications.findByApplication(applicationId)).hasSize(2)
			.allSatisfy((n) -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
		assertThat(this.smtp.messagesTo(contact)).hasSize(2);
	}

	private boolean isWaiting(UUID applicationId) {
		return this.notifications.findByApplication(applicationId)
			.stream()
			.anyMatch((n) -> n.kind() == NotificationKind.APPROVAL && n.status() == NotificationStatus.PENDING
					&& n.recipient().isEmpty());
	}

	/** The mails given up for want of a contact, in the whole database. */
	private long expiredRows() {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE status = 'FAILED' AND last_error LIKE ?")
			.param("%ApplicationReceived never arrived")
			.query(Long.class)
			.single();
	}

	private double expiredCount() {
		return this.meters.get("membership.notification.waiting.expired").counter().count();
	}

}
