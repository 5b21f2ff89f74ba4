package org.membership.notification.mail;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.notification.support.TestMailServer;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class MailOutageIntegrationTests {

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private Notifications notifications;

	@Autowired
	private TestRestTemplate http;

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
