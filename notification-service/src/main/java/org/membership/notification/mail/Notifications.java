package org.membership.notification.mail;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.support.tracing.Traces;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the mails to send. Only writes: the {@link NotificationSender} sends, so a
 * listener never waits for SMTP and an SMTP outage never stops the consumption of events.
 */
@Service
public class Notifications {

	private static final Logger logger = LoggerFactory.getLogger(Notifications.class);

	private final Traces traces;

	private final NotificationRepository repository;

	private final ContactBook contacts;

	private final MailComposer composer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notifications(NotificationRepository repository, ContactBook contacts, MailComposer composer, Clock clock,
			Traces traces, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.traces = traces;
		this.contacts = contacts;
		this.composer = composer;
		this.clock = clock;
	}

	/**
	 * Records the mail unless this event already caused one of this kind. Joins the
	 * caller's transaction, so the row and whatever else the event changes commit
	 * together, before the listener returns and the offset is committed.
	 * @return whether a new notification was recorded
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean request(NotificationRequest request) {
		String recipient = request.recipient();
		Map<String, Object> model = new HashMap<>(request.model());
		if (recipient == null) {
			var contact = this.contacts.find(request.applicationId());
			recipient = contact.map(ContactBook.Contact::email).orElse("");
			contact.ifPresent((known) -> {
				model.putIfAbsent("contactName", known.name());
				model.putIfAbsent("organisationName", known.organisationName());
			});
		}
		model.putIfAbsent("contactName", null);
		model.putIfAbsent("organisationName", null);
		boolean inserted = this.repository.insertIfAbsent(UUID.randomUUID(), request, recipient,
				this.composer.compose(request.kind(), model), this.composer.toJson(model), this.clock.instant(),
				this.traces.traceparent());
		if (inserted && recipient.isEmpty()) {
			logger.warn("{} for application {} (event {}) waits: the contact is not known yet", request.kind(),
					request.applicationId(), request.eventId());
		}
		else if (inserted) {
			// the sender sends it once this transaction commits, not at its next poll
			this.events.publishEvent(new NotificationSender.MailsDue());
		}
		else {
			logger.info("{} for event {} of application {} was already recorded; nothing more to send", request.kind(),
					request.eventId(), request.applicationId());
		}
		return inserted;
	}

	public List<Notification> findByStatus(NotificationStatus status, int page, int size) {
		return this.repository.findByStatus(status, page * size, size);
	}

	public long countByStatus(NotificationStatus status) {
		return this.repository.countByStatus(status);
	}

	public List<Notification> findByApplication(UUID applicationId) {
		return this.repository.findByApplication(applicationId);
	}

}
