package org.membership.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.support.tracing.Traces;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender's batches (claimed rows, one SMTP connection per batch) with two senders
 * racing over the same waiting mails: each is delivered exactly once.
 */
@NotificationIntegrationTest
class BatchDispatchIntegrationTests {

	private static final int MAILS = 400;

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private NotificationRepository repository;

	@Autowired
	private JavaMailSenderImpl mailSender;

	@Autowired
	private WaitingMails waitingMails;

	@Autowired
	private NotificationProperties properties;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private Traces traces;

	@Test
	void twoSendersRacingOverHundredsOfWaitingMailsDeliverEachExactlyOnce() throws Exception {
		// a day ahead: due for the two senders below, not yet for the application's own
		Instant later = Instant.now().plus(1, ChronoUnit.DAYS);
		String domain = "batch-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		List<String> recipients = new ArrayList<>();
		List<UUID> applications = new ArrayList<>();
		for (int i = 0; i < MAILS; i++) {
			String recipient = "member" + i + "@" + domain;
			recipients.add(recipient);
			UUID applicationId = UUID.randomUUID();
			applications.add(applicationId);
			NotificationRequest request = new NotificationRequest(UUID.randomUUID(), applicationId,
					NotificationKind.ACKNOWLEDGEMENT, recipient, Map.of());
			assertThat(this.repository.insertIfAbsent(UUID.randomUUID(), request, recipient,
					new ComposedMail("subject " + i, "text", "<p>html</p>"), "{}", later))
				.isTrue();
		}
		NotificationSender first = sender(later);
		NotificationSender second = sender(later);
		try {
			CompletableFuture
				.allOf(CompletableFuture.runAsync(first::sendAllDue), CompletableFuture.runAsync(second::sendAllDue))
				.get();
		}
		finally {
			first.stop();
			second.stop();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> recipients.stream().mapToInt((r) -> this.smtp.messagesTo(r).size()).sum() >= MAILS);
		List<MimeMessage> received = recipients.stream().flatMap((r) -> this.smtp.messagesTo(r).stream()).toList();
		Map<String, Long> perMessageId = received.stream()
			.collect(Collectors.groupingBy(BatchDispatchIntegrationTests::messageId, Collectors.counting()));
		assertThat(perMessageId).hasSize(MAILS);
		assertThat(perMessageId.values()).containsOnly(1L);
		Map<String, Long> perRecipient = recipients.stream()
			.collect(Collectors.toMap(Function.identity(), (r) -> (long) this.smtp.messagesTo(r).size()));
		assertThat(perRecipient.values()).containsOnly(1L);
		assertThat(applications)
			.allSatisfy((applicationId) -> assertThat(this.repository.findByApplication(applicationId)).singleElement()
				.satisfies((notification) -> {
					assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
					assertThat(notification.attempts()).as("claimed once").isEqualTo(1);
				}));
	}

	private NotificationSender sender(Instant now) {
		NotificationProperties small = new NotificationProperties(this.properties.from(),
				this.properties.pollInterval(), 50, this.properties.maxAttempts(), this.properties.initialBackOff(),
				this.properties.maxBackOff(), this.properties.lease(), this.properties.contactWait());
		return new NotificationSender(this.repository, this.mailSender, this.waitingMails, small,
				Clock.fixed(now, ZoneOffset.UTC), this.meters, "notification-service", this.traces);
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
