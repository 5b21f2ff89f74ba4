package org.membership.onboarding.outbox;

import org.membership.events.ApplicationReceived;
import org.membership.events.ApplicationRejected;
import org.membership.events.Contact;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.OrganisationType;
import org.membership.onboarding.application.OnboardingEvent;

/** Maps the in-process event records to the Avro records of the contract. */
final class AvroEvents {

	private AvroEvents() {
	}

	static Object toAvro(OnboardingEvent event) {
		return switch (event) {
			case org.membership.onboarding.application.ApplicationReceived received -> received(received);
			case org.membership.onboarding.application.MemberApproved approved -> approved(approved);
			case org.membership.onboarding.application.ApplicationRejected rejected -> rejected(rejected);
			case org.membership.onboarding.application.MembershipEffective effective -> effective(effective);
		};
	}

	static ApplicationReceived received(org.membership.onboarding.application.ApplicationReceived event) {
		return ApplicationReceived.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setApplicationId(event.applicationId())
			.setApplicationVersion(event.applicationVersion())
			.setCorrelationId(event.correlationId())
			.setOrganisation(organisation(event.organisation()))
			.setRequestedTier(event.requestedTier())
			.setContact(contact(event.contact()))
			.setSubmittedAt(event.submittedAt())
			.build();
	}

	static MemberApproved approved(org.membership.onboarding.application.MemberApproved event) {
		return MemberApproved.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setApplicationId(event.applicationId())
			.setApplicationVersion(event.applicationVersion())
			.setCorrelationId(event.correlationId())
			.setTier(event.tier())
			.setEffectiveFrom(event.effectiveFrom())
			.setApprovedBy(event.approvedBy())
			.setOrganisation(organisation(event.organisation()))
			.setNote(event.note())
			.build();
	}

	static ApplicationRejected rejected(org.membership.onboarding.application.ApplicationRejected event) {
		return ApplicationRejected.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setApplicationId(event.applicationId())
			.setApplicationVersion(event.applicationVersion())
			.setCorrelationId(event.correlationId())
			.setReason(event.reason())
			.setRejectedBy(event.rejectedBy())
			.build();
	}

	static MembershipEffective effective(org.membership.onboarding.application.MembershipEffective event) {
		return MembershipEffective.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setApplicationId(event.applicationId())
			.setApplicationVersion(event.applicationVersion())
			.setCorrelationId(event.correlationId())
			.setTier(event.tier())
			.setEffectiveFrom(event.effectiveFrom())
			.setOrganisation(organisation(event.organisation()))
			.build();
	}

	private static Organisation organisation(org.membership.onboarding.application.Organisation organisation) {
		return Organisation.newBuilder()
			.setName(organisation.name())
			.setLegalName(organisation.legalName())
			.setCountry(organisation.country())
			.setCity(organisation.city())
			.setWebsite(organisation.website())
			.setType(OrganisationType.valueOf(organisation.type().name()))
			.setFoundedOn(organisation.foundedOn())
			.setMemberCount(organisation.memberCount())
			.setDescription(organisation.description())
			.build();
	}

	private static Contact contact(org.membership.onboarding.application.Contact contact) {
		return Contact.newBuilder().setName(contact.name()).setRole(contact.role()).setEmail(contact.email()).build();
	}

}
