package org.membership.onboarding.outbox;

import org.membership.events.ApplicationReceived;
import org.membership.events.ApplicationRejected;
import org.membership.events.ApplicationWithdrawn;
import org.membership.events.Contact;
import org.membership.events.EffectiveDateChanged;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.OrganisationType;
import org.membership.events.Statement;
import org.membership.events.WithdrawnBy;
import org.membership.onboarding.application.ApplicationApproved;
import org.membership.onboarding.application.ApplicationDeclined;
import org.membership.onboarding.application.ApplicationRetracted;
import org.membership.onboarding.application.ApplicationSubmitted;
import org.membership.onboarding.application.ApplyingOrganisation;
import org.membership.onboarding.application.ContactPerson;
import org.membership.onboarding.application.ContactStatement;
import org.membership.onboarding.application.EffectiveDateMoved;
import org.membership.onboarding.application.MembershipTookEffect;
import org.membership.onboarding.application.OnboardingEvent;

/** Maps the in-process event records to the Avro records of the contract. */
final class AvroEvents {

	private AvroEvents() {
	}

	static Object toAvro(OnboardingEvent event) {
		return switch (event) {
			case ApplicationSubmitted submitted -> received(submitted);
			case ApplicationApproved approved -> approved(approved);
			case ApplicationDeclined declined -> rejected(declined);
			case MembershipTookEffect tookEffect -> effective(tookEffect);
			case ApplicationRetracted retracted -> withdrawn(retracted);
			case EffectiveDateMoved moved -> dateChanged(moved);
		};
	}

	static ApplicationReceived received(ApplicationSubmitted event) {
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
			.setStatement(statement(event.statement()))
			.build();
	}

	static MemberApproved approved(ApplicationApproved event) {
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

	static ApplicationRejected rejected(ApplicationDeclined event) {
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

	static MembershipEffective effective(MembershipTookEffect event) {
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

	static ApplicationWithdrawn withdrawn(ApplicationRetracted event) {
		return ApplicationWithdrawn.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setApplicationId(event.applicationId())
			.setApplicationVersion(event.applicationVersion())
			.setCorrelationId(event.correlationId())
			.setWithdrawnBy(WithdrawnBy.valueOf(event.withdrawnBy().name()))
			.setReason(event.reason())
			.setWithdrawnAt(event.withdrawnAt())
			.build();
	}

	static EffectiveDateChanged dateChanged(EffectiveDateMoved event) {
		return EffectiveDateChanged.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setApplicationId(event.applicationId())
			.setApplicationVersion(event.applicationVersion())
			.setCorrelationId(event.correlationId())
			.setPreviousEffectiveFrom(event.previousEffectiveFrom())
			.setEffectiveFrom(event.effectiveFrom())
			.setReason(event.reason())
			.setChangedBy(event.changedBy())
			.setTier(event.tier())
			.setOrganisation(organisation(event.organisation()))
			.build();
	}

	private static Organisation organisation(ApplyingOrganisation organisation) {
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
			.setAims(organisation.aims())
			.build();
	}

	private static Statement statement(ContactStatement statement) {
		return (statement != null) ? Statement.newBuilder().setText(statement.text()).build() : null;
	}

	private static Contact contact(ContactPerson contact) {
		return Contact.newBuilder().setName(contact.name()).setRole(contact.role()).setEmail(contact.email()).build();
	}

}
