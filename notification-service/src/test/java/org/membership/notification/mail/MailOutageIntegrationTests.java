package org.membership.notification.mail;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.membership.notification.support.Exactly;
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

@NotificationIntegrationTest
class MailOutageIntegrationTests {

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private Notifications notifications;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void withTheSmtpServerDownAndBackTheMailArrivesExactlyOnce() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		this.smtp.stop();
		try {
			TestProducer.send(SampleEvents.applicationReceived(applicationId)
				.setContact(SampleEvents.contact(contact).build())
				.build());
			// the event is consumed and the mail tried, and it waits
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.notifications.findByApplication(applicationId)
					.stream()
					.anyMatch((n) -> n.status() == NotificationStatus.PENDING && n.attempts() >= 1
							&& n.lastError() != null));
		}
		finally {
			this.smtp.start();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.findByApplication(applicationId)
				.get(0)
				.status() == NotificationStatus.SENT);
		Exactly.mails(this.smtp, contact, 1);
	}

	@Test
	void aMailSentAgainAfterAnInstanceDiedMidSendKeepsItsMessageId() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.smtp.messagesTo(contact).size() == 1);
		UUID id = this.notifications.findByApplication(applicationId).get(0).id();
		// what a lease that ran out leaves when an instance died after the SMTP server
		// took
		// the mail and before it was marked SENT: the notification is due again
		this.jdbc.sql("UPDATE notification SET status = 'PENDING', next_attempt_at = :now WHERE id = :id")
			.param("now", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)))
			.param("id", id)
			.update();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.smtp.messagesTo(contact).size() == 2);
		assertThat(this.smtp.messagesTo(contact)).extracting(MimeMessage::getMessageID)
			.containsOnly("<" + id + "@digitalsme.example>");
	}

	@Test
	void aMailThatKeepsFailingBecomesFailedAndIsListedForStaff() throws Exception {
		UUID applicationId = UUID.randomUUID();
		this.smtp.stop();
		try {
			TestProducer.send(SampleEvents.applicationReceived(applicationId)
				.setContact(SampleEvents.contact(SampleEvents.uniqueEmail()).build())
				.build());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.notifications.findByApplication(applicationId)
					.stream()
					.anyMatch((n) -> n.status() == NotificationStatus.FAILED));
		}
		finally {
			this.smtp.start();
		}
		Notification failed = this.notifications.findByApplication(applicationId).get(0);
		assertThat(failed.attempts()).isEqualTo(5);
		assertThat(failed.lastError()).isNotBlank();

		ResponseEntity<String> listed = this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD)
			.getForEntity("/api/notifications?status=FAILED&size=100", String.class);
		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(listed.getBody()).contains(applicationId.toString())
			.contains("\"status\":\"FAILED\"")
			.contains("\"page\":{");

		assertThat(this.http.getForEntity("/api/notifications?status=FAILED", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
