package org.membership.notification.acknowledgement;

import org.membership.events.ApplicationReceived;
import org.membership.events.Topics;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Statement;
import org.membership.support.deadletter.InvalidEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * ApplicationReceived: acknowledge to the contact person, remember the contact, and keep
 * their statement for the welcome announcement's quote.
 */
@Component
class ApplicationReceivedListener {

	private final Acknowledgements acknowledgements;

	private final AnnouncementDrafts drafts;

	ApplicationReceivedListener(Acknowledgements acknowledgements, AnnouncementDrafts drafts) {
		this.acknowledgements = acknowledgements;
		this.drafts = drafts;
	}

	@KafkaListener(id = "application-received", idIsGroup = false, topics = Topics.APPLICATION_RECEIVED)
	void on(ApplicationReceived event) {
		if (event.getContact() == null || isBlank(event.getContact().getEmail())
				|| isBlank(event.getOrganisation().getName())) {
			throw new InvalidEventException("ApplicationReceived " + event.getEventId() + " of application "
					+ event.getApplicationId() + " has no contact e-mail or organisation name");
		}
		this.acknowledgements.received(new ApplicationFacts.Received(event.getEventId(), event.getApplicationId(),
				event.getOrganisation().getName(), event.getContact().getName(), event.getContact().getEmail()));
		this.drafts.statement(new Statement(event.getApplicationId(), event.getContact().getName(),
				event.getContact().getRole(), event.getOrganisation().getName(),
				(event.getStatement() != null) ? event.getStatement().getText() : null));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
