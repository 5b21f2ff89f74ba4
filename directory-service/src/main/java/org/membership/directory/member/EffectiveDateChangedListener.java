package org.membership.directory.member;

import org.membership.events.EffectiveDateChanged;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A new effective date: the joining organisation moves to it. The event carries the
 * approval's snapshot, so it creates the joining entry on its own when the MemberApproved
 * has not arrived (yet); the older MemberApproved is then stale.
 */
@Component
class EffectiveDateChangedListener {

	static final String ID = "effective-date-changed";

	private final MembershipChangeHandler handler;

	EffectiveDateChangedListener(MembershipChangeHandler handler) {
		this.handler = handler;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.EFFECTIVE_DATE_CHANGED)
	void on(EffectiveDateChanged event) {
		this.handler.handle(change(event));
	}

	/** The event as a plain record (also for a rebuild's replay). */
	static MembershipChange change(EffectiveDateChanged event) {
		return new MembershipChange(event.getEventId(), Topics.EFFECTIVE_DATE_CHANGED, event.getApplicationId(),
				event.getApplicationVersion(), event.getCorrelationId(), MemberStatus.JOINING, event.getTier(),
				event.getEffectiveFrom(), MemberApprovedListener.organisation(event.getOrganisation()));
	}

}
