package org.membership.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.support.metrics.MetricNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The mails that wait for their contact. {@link #release()} addresses each whose contact
 * is now known and writes it again with the contact's name. Called when a contact is
 * stored and on every sender poll; the second closes the race in which a decision's row
 * commits just after the contact's transaction looked for waiting rows. {@link #expire()}
 * gives up on those that waited longer than {@code contact-wait}: they become FAILED,
 * listed for staff, instead of waiting forever for an ApplicationReceived that was lost.
 */
@Component
class WaitingMails {

	private static final Logger logger = LoggerFactory.getLogger(WaitingMails.class);

	private final NotificationRepository repository;

	private final MailComposer composer;

	private final NotificationProperties properties;

	private final Clock clock;

	private final Counter expired;

	private final ApplicationEventPublisher events;

	WaitingMails(NotificationRepository repository, MailComposer composer, NotificationProperties properties,
			Clock clock, MeterRegistry meters, @Value("${spring.application.name}") String applicationName,
			ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.composer = composer;
		this.properties = properties;
		this.clock = clock;
		this.expired = Counter.builder(MetricNames.of(applicationName, "waiting.expired"))
			.description("Mails given up because their contact never became known")
			.register(meters);
	}

	void release() {
		release(this.repository.findWaitingWithKnownContact());
	}

	/**
	 * Releases the waiting mails of one application: what a new contact can release,
	 * found through the application's index instead of a scan of every PENDING row (issue
	 * 12: with thousands of mails pending, the scan per ApplicationReceived bounded the
	 * whole service).
	 */
	void release(UUID applicationId) {
		release(this.repository.findWaitingWithKnownContact(applicationId));
	}

	private void release(List<NotificationRepository.Waiting> waitingMails) {
		for (NotificationRepository.Waiting waiting : waitingMails) {
			Map<String, Object> model = this.composer.fromJson(waiting.model());
			model.put("contactName", waiting.contact().name());
			// the rejection does not carry the organisation's name; the application did
			if (model.get("organisationName") == null) {
				model.put("organisationName", waiting.contact().organisationName());
			}
			if (this.repository.release(waiting.id(), waiting.contact().email(),
					this.composer.compose(waiting.kind(), model))) {
				logger.info("{} notification {} now goes to the contact", waiting.kind(), waiting.id());
				this.events.publishEvent(new NotificationSender.MailsDue());
			}
		}
	}

	/**
	 * FAILs the mails that waited longer than {@code contact-wait}. Counts only the rows
	 * this instance changed, so two instances never count one mail twice. A contact that
	 * arrives afterwards does not revive them ({@link #release()} only takes PENDING
	 * rows).
	 */
	void expire() {
		Duration wait = this.properties.contactWait();
		int changed = this.repository.expireWaiting(this.clock.instant().minus(wait),
				"after " + readable(wait) + ": ApplicationReceived never arrived");
		if (changed > 0) {
			this.expired.increment(changed);
			logger.error("Gave up {} mail(s) that waited more than {} for their contact; listed as FAILED", changed,
					readable(wait));
		}
	}

	// P7D rather than Duration's PT168H
	static String readable(Duration duration) {
		return (!duration.isZero() && duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0)
				? "P" + duration.toDays() + "D" : duration.toString();
	}

}
