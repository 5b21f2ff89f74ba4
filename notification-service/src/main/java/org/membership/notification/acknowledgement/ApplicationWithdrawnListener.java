package org.membership.notification.acknowledgement;

import org.membership.events.ApplicationWithdrawn;
import org.membership.events.Topics;
import org.membership.events.WithdrawnBy;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * ApplicationWithdrawn: tell the contact person, and cancel what was prepared for the
 * membership ({@link ApplicationChanges#withdrawn}).
 */
@Component
class ApplicationWithdrawnListener {

	private final ApplicationChanges changes;

	ApplicationWithdrawnListener(ApplicationChanges changes) {
		this.changes = changes;
	}

	@KafkaListener(id = "application-withdrawn", idIsGroup = false, topics = Topics.APPLICATION_WITHDRAWN)
	void on(ApplicationWithdrawn event) {
		this.changes.withdrawn(new ApplicationFacts.Withdrawn(event.getEventId(), event.getApplicationId(),
				event.getApplicationVersion(), event.getWithdrawnBy() == WithdrawnBy.STAFF,
				blankToNull(event.getReason()), event.getWithdrawnAt()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
