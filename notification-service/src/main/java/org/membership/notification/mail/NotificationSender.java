package org.membership.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.membership.support.metrics.MetricNames;
import org.membership.support.tracing.Traces;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends due notifications, soon after their transaction commits ({@link MailsDue}) and on
 * every poll, in batches over one SMTP connection, so the rate is bounded by SMTP and the
 * database rather than by poll interval × batch size. Each one is claimed with a
 * conditional update first, so two senders (threads or instances) never send the same
 * mail; a failed send is retried with exponential back-off until {@code max-attempts},
 * then the notification is FAILED and listed for staff. If an instance dies while
 * sending, the claim expires after the lease and the mail is tried again (SMTP gives no
 * stronger guarantee than at-least-once there). Every attempt of one notification carries
 * the same {@code Message-ID}, derived from its id, so that a mail sent again after such
 * a death is recognisably the same mail (mail stores and clients collapse duplicates by
 * it) and can be counted as one.
 */
@Component
class NotificationSender {

	private static final Logger logger = LoggerFactory.getLogger(NotificationSender.class);

	private final Traces traces;

	private final NotificationRepository repository;

	// the implementation, not the interface: its session and settings open the one
	// connection a batch goes over (Boot's mail auto-configuration defines this type)
	private final JavaMailSenderImpl mailSender;

	private final WaitingMails waitingMails;

	private final NotificationProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	// one thread: wake-ups are merged, and two runs of one instance would only compete
	// for the same rows (several instances compete safely through the claims)
	private final ExecutorService dispatch = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("mail-dispatch").daemon().factory());

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	NotificationSender(NotificationRepository repository, JavaMailSenderImpl mailSender, WaitingMails waitingMails,
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

	/**
	 * The poll: releases and expires waiting mails, then sends what is due (retries after
	 * their back-off, and anything a wake-up missed). New mails do not wait for it: see
	 * {@link #wake()}.
	 */
	@Scheduled(fixedDelayString = "${membership.notification.poll-interval}")
	void sendDue() {
		// release first: a mail whose contact is known by now is sent, not expired
		this.waitingMails.release();
		this.waitingMails.expire();
		sendAllDue();
	}

	/**
	 * A notification became sendable: once its transaction commits (at once without one),
	 * sends soon on the dispatch thread instead of at the next poll. Wake-ups that arrive
	 * while a run is queued are merged into it, so thousands of inserts cause a few runs,
	 * each draining every due mail in batches. A plain listener that registers the
	 * after-commit step itself, not a {@code @TransactionalEventListener}: Spring
	 * Modulith's registry stores a publication row for every event such a listener
	 * receives, and marks it processing and completed (three writes per mail for a
	 * wake-up that needs no outbox: a row that does not commit simply sends nothing, and
	 * the poll sends whatever a lost wake-up missed).
	 */
	@EventListener
	void onMailsDue(MailsDue due) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	void wake() {
		if (this.wakeQueued.compareAndSet(false, true)) {
			try {
				this.dispatch.execute(() -> {
					this.wakeQueued.set(false);
					sendAllDue();
				});
			}
			catch (RejectedExecutionException ex) {
				// shutting down: the next start's poll sends it
				this.wakeQueued.set(false);
			}
		}
	}

	/** Sends batches until fewer than a full batch was due. */
	void sendAllDue() {
		try {
			while (sendBatch() >= this.properties.batchSize()) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException ex) {
			// the database is away: the mails stay PENDING for the next poll
			logger.warn("Could not send due mails: {}", ex.toString());
		}
	}

	/**
	 * Claims up to {@code batch-size} due mails and sends them over one SMTP connection.
	 * Each claim is the compare-and-set of {@link NotificationRepository#claim}, so of
	 * several senders (threads or instances) exactly one owns each mail.
	 * @return how many due mails were found (claimed or not)
	 */
	int sendBatch() {
		Instant now = this.clock.instant();
		List<NotificationRepository.Due> due = this.repository.findDue(now, this.properties.batchSize());
		List<UUID> claimed = new ArrayList<>(due.size());
		for (NotificationRepository.Due mail : due) {
			if (this.repository.claim(mail, now.plus(this.properties.lease()))) {
				claimed.add(mail.id());
			}
		}
		if (!claimed.isEmpty()) {
			send(this.repository.findOutgoing(claimed));
		}
		return due.size();
	}

	/**
	 * Sends the mails over one SMTP connection, and records each as SENT as soon as the
	 * server has accepted it: opening a session per mail cost more than the mail, and an
	 * instance killed in the middle of a batch must not leave the mails it already sent
	 * to be sent again (the fault suite's kills found nine resent when the whole batch
	 * was recorded at its end). A mail the server refused, or that a broken connection
	 * left unsent, is retried on its own schedule.
	 */
	private void send(List<NotificationRepository.OutgoingMail> mails) {
		Map<MimeMessage, NotificationRepository.OutgoingMail> messages = new LinkedHashMap<>();
		for (NotificationRepository.OutgoingMail mail : mails) {
			try {
				messages.put(message(mail), mail);
			}
			catch (MessagingException ex) {
				failed(mail, ex);
			}
		}
		if (messages.isEmpty()) {
			return;
		}
		Transport transport;
		try {
			transport = this.mailSender.getSession().getTransport(this.mailSender.getProtocol());
			transport.connect(this.mailSender.getHost(), this.mailSender.getPort(), this.mailSender.getUsername(),
					this.mailSender.getPassword());
		}
		catch (MessagingException ex) {
			messages.values().forEach((mail) -> inItsTrace(mail, () -> failed(mail, ex)));
			return;
		}
		try (transport) {
			for (Map.Entry<MimeMessage, NotificationRepository.OutgoingMail> entry : messages.entrySet()) {
				MimeMessage message = entry.getKey();
				NotificationRepository.OutgoingMail mail = entry.getValue();
				if (!transport.isConnected()) {
					inItsTrace(mail, () -> failed(mail, new MessagingException("SMTP connection lost")));
					continue;
				}
				try {
					// saveChanges gives the message a new Message-ID: every attempt of
					// a notification keeps its own, stable one
					message.saveChanges();
					message.setHeader("Message-ID", messageId(mail.id()));
					transport.sendMessage(message, message.getAllRecipients());
				}
				catch (MessagingException ex) {
					inItsTrace(mail, () -> failed(mail, ex));
					continue;
				}
				sent(mail);
			}
		}
		catch (MessagingException ex) {
			// closing the connection after the mails: nothing to retry
			logger.debug("Closing the SMTP connection failed", ex);
		}
	}

	private void sent(NotificationRepository.OutgoingMail mail) {
		this.repository.markSent(mail.id(), this.clock.instant());
		this.sent.increment();
		inItsTrace(mail, () -> logger.info("Sent {} for application {} (event {})", mail.kind(), mail.applicationId(),
				mail.eventId()));
	}

	private MimeMessage message(NotificationRepository.OutgoingMail mail) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		return message;
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

	/**
	 * Runs in the trace of the event the mail answers, with its application id in the log
	 * lines: the mail is part of the application's journey, not of this polling run.
	 */
	private void inItsTrace(NotificationRepository.OutgoingMail mail, Runnable work) {
		try (MDC.MDCCloseable applicationId = MDC.putCloseable("applicationId", String.valueOf(mail.applicationId()))) {
			this.traces.continuing(mail.traceparent(), "mail " + mail.kind(), () -> {
				work.run();
				return null;
			});
		}
	}

	private void failed(NotificationRepository.OutgoingMail mail, Exception ex) {
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
			logger.warn("Could not send {} for application {} (event {}), attempt {}; next try at {}: {}", mail.kind(),
					mail.applicationId(), mail.eventId(), mail.attempts(), next, error);
		}
	}

	/** Lets a wake-up that is sending finish its batch (its mails are claimed). */
	@PreDestroy
	void stop() throws InterruptedException {
		this.dispatch.shutdown();
		this.dispatch.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Published when a notification with a recipient was recorded or released. */
	record MailsDue() {

	}

}
