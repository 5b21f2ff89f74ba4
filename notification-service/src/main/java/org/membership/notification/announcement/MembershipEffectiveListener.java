package org.membership.notification.announcement;

import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * MembershipEffective: publish the welcome announcement, unless staff did already, and
 * mail the welcome.
 */
@Component
class MembershipEffectiveListener {

	private final Announcements announcements;

	MembershipEffectiveListener(Announcements announcements) {
		this.announcements = announcements;
	}

	@KafkaListener(id = "membership-effective", idIsGroup = false, topics = Topics.MEMBERSHIP_EFFECTIVE)
	void on(MembershipEffective event) {
		Organisation organisation = event.getOrganisation();
		this.announcements.welcome(new Membership(event.getEventId(), event.getApplicationId(),
				event.getApplicationVersion(), event.getCorrelationId(),
				new Membership.Organisation(organisation.getName(), organisation.getLegalName(),
						organisation.getCountry(), organisation.getCity(), organisation.getWebsite(),
						organisation.getType().name(), organisation.getFoundedOn(), organisation.getMemberCount(),
						organisation.getDescription(), organisation.getAims()),
				event.getTier(), event.getEffectiveFrom()));
	}

}
