package org.membership.notification.acknowledgement;

import org.membership.events.MemberApproved;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** MemberApproved: tell the contact person the decision, tier and effective date. */
@Component
class MemberApprovedListener {

	private final Acknowledgements acknowledgements;

	MemberApprovedListener(Acknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	@KafkaListener(id = "member-approved", idIsGroup = false, topics = Topics.MEMBER_APPROVED)
	void on(MemberApproved event) {
		this.acknowledgements.approved(new ApplicationFacts.Approved(event.getEventId(), event.getApplicationId(),
				event.getApplicationVersion(), event.getOrganisation().getName(), event.getTier(),
				event.getEffectiveFrom(), event.getNote()));
	}

}
