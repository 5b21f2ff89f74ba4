package org.membership.directory.member;

import org.membership.events.MembershipEffective;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Effective memberships: listed from now on. Creates the member on its own when the
 * MemberApproved has not arrived (yet).
 */
@Component
class MembershipEffectiveListener {

	static final String ID = "membership-effective";

	private final MembershipChangeHandler handler;

	MembershipEffectiveListener(MembershipChangeHandler handler) {
		this.handler = handler;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.MEMBERSHIP_EFFECTIVE)
	void on(MembershipEffective event) {
		this.handler.handle(change(event));
	}

	/** The event as a plain record (also for a rebuild's replay). */
	static MembershipChange change(MembershipEffective event) {
		return new MembershipChange(event.getEventId(), Topics.MEMBERSHIP_EFFECTIVE, event.getApplicationId(),
				event.getApplicationVersion(), event.getCorrelationId(), MemberStatus.MEMBER, event.getTier(),
				event.getEffectiveFrom(), MemberApprovedListener.organisation(event.getOrganisation()));
	}

}
