package org.membership.notification.acknowledgement;

import org.membership.events.ApplicationReceived;
import org.membership.events.Topics;
import org.membership.support.deadletter.InvalidEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** ApplicationReceived: acknowledge to the contact person, and remember the contact. */
@Component
class ApplicationReceivedListener {

	private final Acknowledgements acknowledgements;

	ApplicationReceivedListener(Acknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
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
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
