package org.membership.notification.acknowledgement;

import org.membership.events.EffectiveDateChanged;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * EffectiveDateChanged: tell the contact person the new date, and move what was prepared
 * for the membership to it ({@link ApplicationChanges#effectiveDateChanged}).
 */
@Component
class EffectiveDateChangedListener {

	private final ApplicationChanges changes;

	EffectiveDateChangedListener(ApplicationChanges changes) {
		this.changes = changes;
	}

	@KafkaListener(id = "effective-date-changed", idIsGroup = false, topics = Topics.EFFECTIVE_DATE_CHANGED)
	void on(EffectiveDateChanged event) {
		this.changes.effectiveDateChanged(new ApplicationFacts.EffectiveDateChanged(event.getEventId(),
				event.getApplicationId(), event.getApplicationVersion(), event.getOrganisation().getName(),
				event.getPreviousEffectiveFrom(), event.getEffectiveFrom(), event.getReason()));
	}

}
