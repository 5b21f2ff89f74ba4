package org.membership.directory.member;

import org.membership.events.MemberApproved;
import org.membership.events.Organisation;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Approved members: JOINING until their MembershipEffective arrives. */
@Component
class MemberApprovedListener {

	static final String ID = "member-approved";

	private final MembershipChangeHandler handler;

	MemberApprovedListener(MembershipChangeHandler handler) {
		this.handler = handler;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.MEMBER_APPROVED)
	void on(MemberApproved event) {
		this.handler.handle(change(event));
	}

	/** The event as a plain record (also for a rebuild's replay). */
	static MembershipChange change(MemberApproved event) {
		return new MembershipChange(event.getEventId(), Topics.MEMBER_APPROVED, event.getApplicationId(),
				event.getApplicationVersion(), event.getCorrelationId(), MemberStatus.JOINING, event.getTier(),
				event.getEffectiveFrom(), organisation(event.getOrganisation()));
	}

	/**
	 * The Avro organisation snapshot as a plain record (shared with the other listener).
	 */
	static OrganisationSnapshot organisation(Organisation organisation) {
		if (organisation == null) {
			return null;
		}
		return new OrganisationSnapshot(organisation.getName(), organisation.getLegalName(), organisation.getCountry(),
				organisation.getCity(), organisation.getWebsite(),
				(organisation.getType() != null) ? organisation.getType().name() : null, organisation.getMemberCount(),
				organisation.getDescription());
	}

}
