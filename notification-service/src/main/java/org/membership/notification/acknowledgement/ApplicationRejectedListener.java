package org.membership.notification.acknowledgement;

import org.membership.events.ApplicationRejected;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** ApplicationRejected: tell the contact person the decision and its reason. */
@Component
class ApplicationRejectedListener {

	private final Acknowledgements acknowledgements;

	ApplicationRejectedListener(Acknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	@KafkaListener(id = "application-rejected", idIsGroup = false, topics = Topics.APPLICATION_REJECTED)
	void on(ApplicationRejected event) {
		this.acknowledgements
			.rejected(new ApplicationFacts.Rejected(event.getEventId(), event.getApplicationId(), event.getReason()));
	}

}
