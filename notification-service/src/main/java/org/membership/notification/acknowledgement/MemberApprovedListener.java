package org.membership.notification.acknowledgement;

import org.membership.events.MemberApproved;
import org.membership.events.Organisation;
import org.membership.events.Topics;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Membership;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * MemberApproved: tell the contact person the decision, tier and effective date, and
 * write the draft of the welcome announcement. One listener for both (a second one in the
 * same consumer group would share the topic's partitions with this one); each step is
 * idempotent, so a redelivery after a failure between them does the missing one.
 */
@Component
class MemberApprovedListener {

	private final Acknowledgements acknowledgements;

	private final AnnouncementDrafts drafts;

	MemberApprovedListener(Acknowledgements acknowledgements, AnnouncementDrafts drafts) {
		this.acknowledgements = acknowledgements;
		this.drafts = drafts;
	}

	@KafkaListener(id = "member-approved", idIsGroup = false, topics = Topics.MEMBER_APPROVED)
	void on(MemberApproved event) {
		// the draft first: the approval's handling cancels or re-dates it when a
		// withdrawal or
		// a newer date was consumed before this approval
		Organisation organisation = event.getOrganisation();
		this.drafts.approved(new Membership(event.getEventId(), event.getApplicationId(), event.getApplicationVersion(),
				event.getCorrelationId(),
				new Membership.Organisation(organisation.getName(), organisation.getLegalName(),
						organisation.getCountry(), organisation.getCity(), organisation.getWebsite(),
						organisation.getType().name(), organisation.getFoundedOn(), organisation.getMemberCount(),
						organisation.getDescription(), organisation.getAims()),
				event.getTier(), event.getEffectiveFrom()));
		this.acknowledgements.approved(new ApplicationFacts.Approved(event.getEventId(), event.getApplicationId(),
				event.getApplicationVersion(), event.getOrganisation().getName(), event.getTier(),
				event.getEffectiveFrom(), event.getNote()));
	}

}
