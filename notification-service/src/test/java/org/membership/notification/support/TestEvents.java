package org.membership.notification.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.membership.events.ApplicationReceived;
import org.membership.events.ApplicationRejected;
import org.membership.events.Contact;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.OrganisationType;

/**
 * Events of the reference story (CLUJ IT Cluster joins DIGITAL SME), for one application.
 */
public final class TestEvents {

	private TestEvents() {
	}

	public static Organisation clujIt(String name) {
		return Organisation.newBuilder()
			.setName(name)
			.setLegalName("Asociația CLUJ IT")
			.setCountry("RO")
			.setCity("Cluj-Napoca")
			.setWebsite("https://www.clujit.ro")
			.setType(OrganisationType.CLUSTER)
			.setFoundedOn(LocalDate.of(2012, 10, 1))
			.setMemberCount(90)
			.setDescription("Innovative cluster of IT companies, universities and research institutes.")
			.build();
	}

	public static ApplicationReceived received(UUID applicationId, String organisationName, String email) {
		return ApplicationReceived.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.parse("2022-11-02T09:00:00Z"))
			.setApplicationId(applicationId)
			.setApplicationVersion(1)
			.setCorrelationId("corr-" + applicationId)
			.setOrganisation(clujIt(organisationName))
			.setRequestedTier("FULL")
			.setContact(Contact.newBuilder().setName("Andrei Kelemen").setRole("CEO").setEmail(email).build())
			.setSubmittedAt(Instant.parse("2022-11-02T09:00:00Z"))
			.build();
	}

	public static MemberApproved approved(UUID applicationId, String organisationName) {
		return MemberApproved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.parse("2022-12-01T10:00:00Z"))
			.setApplicationId(applicationId)
			.setApplicationVersion(2)
			.setCorrelationId("corr-" + applicationId)
			.setTier("FULL")
			.setEffectiveFrom(LocalDate.of(2023, 1, 1))
			.setApprovedBy("staff")
			.setOrganisation(clujIt(organisationName))
			.build();
	}

	public static ApplicationRejected rejected(UUID applicationId, String reason) {
		return ApplicationRejected.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.parse("2022-12-01T10:00:00Z"))
			.setApplicationId(applicationId)
			.setApplicationVersion(2)
			.setCorrelationId("corr-" + applicationId)
			.setReason(reason)
			.setRejectedBy("staff")
			.build();
	}

	public static MembershipEffective effective(UUID applicationId, String organisationName) {
		return MembershipEffective.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.parse("2022-12-31T23:00:00Z"))
			.setApplicationId(applicationId)
			.setApplicationVersion(3)
			.setCorrelationId("corr-" + applicationId)
			.setTier("FULL")
			.setEffectiveFrom(LocalDate.of(2023, 1, 1))
			.setOrganisation(clujIt(organisationName))
			.build();
	}

	/** A fresh recipient, so a test only looks at its own mails. */
	public static String mailbox() {
		return "contact-" + UUID.randomUUID() + "@example.org";
	}

}
