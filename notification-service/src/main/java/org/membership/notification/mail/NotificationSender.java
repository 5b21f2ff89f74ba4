package org.membership.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.membership.support.metrics.MetricNames;
import org.membership.support.tracing.Traces;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications. Each one is claimed with a conditional update first, so two
 * instances never send the same mail; a failed send is retried with exponential back-off
 * until {@code max-attempts}, then the notification is FAILED and listed for staff. If an
 * instance dies while sending, the claim expires after the lease and the mail is tried
 * again (SMTP gives no stronger guarantee than at-least-once there). Every attempt of one
 * notification carries the same {@code Message-ID}, derived from its id, so that a mail
 * sent again after such a death is recognisably the same mail (mail stores and clients
 * collapse duplicates by it) and can be counted as one.
 */
@Component
class NotificationSender {

	private static final Logger logger = LoggerFactory.getLogger(NotificationSender.class);

	private final Traces traces;

	private final NotificationRepository repository;

	private final JavaMailSender mailSender;

	private final WaitingMails waitingMails;

	private final NotificationProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	NotificationSender(NotificationRepository repository, JavaMailSender mailSender, WaitingMails waitingMails,
			NotificationProperties properties, Clock clock, MeterRegistry meters,
			@Value("${spring.application.name}") String applicationName, Traces traces) {
		this.repository = repository;
		this.traces = traces;
		this.mailSender = mailSender;
		this.waitingMails = waitingMails;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder(MetricNames.of(applicationName, "sent"))
			.description("Mails accepted by the SMTP server")
			.register(meters);
		this.failed = Counter.builder(MetricNames.of(applicationName, "failed"))
			.description("Notifications given up after the last attempt")
			.register(meters);
		Gauge
			.builder(MetricNames.of(applicationName, "pending"), repository,
					(notifications) -> notifications.countByStatus(NotificationStatus.PENDING))
			.description("Notifications waiting to be sent")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${membership.notification.poll-interval}")
	void sendDue() {
		// release first: a mail whose contact is known by now is sent, not expired
		this.waitingMails.release();
		this.waitingMails.expire();
		Instant now = this.clock.instant();
		for (UUID id : this.repository.findDue(now, this.properties.batchSize())) {
			if (this.repository.claim(id, now, now.plus(this.properties.lease()))) {
				this.repository.findOutgoing(id).ifPresent(this::sendInItsTrace);
			}
		}
	}

	/**
	 * Sends a mail in the trace of the event it answers, with its application id in the
	 * log lines: the mail is part of the application's journey, not of this polling run.
	 */
	private void sendInItsTrace(NotificationRepository.OutgoingMail mail) {
		try (MDC.MDCCloseable applicationId = MDC.putCloseable("applicationId", String.valueOf(mail.applicationId()))) {
			this.traces.continuing(mail.traceparent(), "mail " + mail.kind(), () -> {
				send(mail);
				return null;
			});
		}
	}

	/**
	 * The {@code Message-ID} of every attempt of notification {@code id}:
	 * {@code <id@domain of the sender address>}.
	 */
	String messageId(UUID id) {
		String from = this.properties.from();
		int at = from.lastIndexOf('@');
		String domain = (at < 0) ? "membership.invalid" : from.substring(at + 1).replace(">", "").strip();
		return "<" + id + "@" + domain + ">";
	}

	private void send(NotificationRepository.OutgoingMail mail) {
		try {
			MimeMessage message = this.mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			// kept by JavaMailSenderImpl, which otherwise generates a new one per attempt
			message.setHeader("Message-ID", messageId(mail.id()));
			this.mailSender.send(message);
			this.repository.markSent(mail.id(), this.clock.instant());
			this.sent.increment();
			logger.info("Sent {} for application {} (event {})", mail.kind(), mail.applicationId(), mail.eventId());
		}
		catch (MailException | MessagingException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (mail.attempts() >= this.properties.maxAttempts()) {
				this.repository.markFailed(mail.id(), error);
				this.failed.increment();
				logger.error("Gave up {} for application {} (event {}) after {} attempts: {}", mail.kind(),
						mail.applicationId(), mail.eventId(), mail.attempts(), error);
			}
			else {
				Instant next = this.clock.instant().plus(this.properties.backOffAfter(mail.attempts()));
				this.repository.retryLater(mail.id(), next, error);
				logger.warn("Could not send {} for application {} (event {}), attempt {}; next try at {}: {}",
						mail.kind(), mail.applicationId(), mail.eventId(), mail.attempts(), next, error);
			}
		}
	}

}
