package org.membership.stack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.membership.events.AnnouncementPublished;
import org.membership.events.ApplicationReceived;
import org.membership.events.ApplicationRejected;
import org.membership.events.Contact;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.OrganisationType;
import org.membership.events.Topics;

/** One event per topic, from the reference story (CLUJ IT Cluster joins DIGITAL SME). */
final class SampleEvents {

	static final UUID APPLICATION_ID = UUID.randomUUID();

	private SampleEvents() {
	}

	record Sample(String topic, SpecificRecord event) {

		@Override
		public String toString() {
			return this.event.getSchema().getName();
		}

	}

	static List<Sample> all() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		LocalDate effectiveFrom = LocalDate.of(2023, 1, 1);
		return List.of(
				new Sample(Topics.APPLICATION_RECEIVED,
						ApplicationReceived.newBuilder()
							.setEventId(UUID.randomUUID())
							.setOccurredAt(now)
							.setApplicationId(APPLICATION_ID)
							.setApplicationVersion(1)
							.setCorrelationId("corr-1")
							.setOrganisation(organisation())
							.setRequestedTier("FULL")
							.setContact(Contact.newBuilder()
								.setName("Andrei Kelemen")
								.setRole("CEO")
								.setEmail("andrei.kelemen@example.org")
								.build())
							.setSubmittedAt(now)
							.build()),
				new Sample(Topics.MEMBER_APPROVED,
						MemberApproved.newBuilder()
							.setEventId(UUID.randomUUID())
							.setOccurredAt(now)
							.setApplicationId(APPLICATION_ID)
							.setApplicationVersion(2)
							.setCorrelationId("corr-1")
							.setTier("FULL")
							.setEffectiveFrom(effectiveFrom)
							.setApprovedBy("staff")
							.setOrganisation(organisation())
							.setNote(null)
							.build()),
				new Sample(Topics.APPLICATION_REJECTED,
						ApplicationRejected.newBuilder()
							.setEventId(UUID.randomUUID())
							.setOccurredAt(now)
							.setApplicationId(UUID.randomUUID())
							.setApplicationVersion(2)
							.setCorrelationId("corr-2")
							.setReason("Not an organisation based in Europe")
							.setRejectedBy("staff")
							.build()),
				new Sample(Topics.MEMBERSHIP_EFFECTIVE,
						MembershipEffective.newBuilder()
							.setEventId(UUID.randomUUID())
							.setOccurredAt(now)
							.setApplicationId(APPLICATION_ID)
							.setApplicationVersion(3)
							.setCorrelationId("corr-1")
							.setTier("FULL")
							.setEffectiveFrom(effectiveFrom)
							.setOrganisation(organisation())
							.build()),
				new Sample(Topics.ANNOUNCEMENT_PUBLISHED,
						AnnouncementPublished.newBuilder()
							.setEventId(UUID.randomUUID())
							.setOccurredAt(now)
							.setApplicationId(APPLICATION_ID)
							.setApplicationVersion(3)
							.setCorrelationId("corr-1")
							.setAnnouncementId(UUID.randomUUID())
							.setHeadline("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member")
							.setSummary(List.of("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member."))
							.setBody("The European DIGITAL SME Alliance welcomes a new member from Romania.")
							.setPublishedAt(now)
							.setLink("http://127.0.0.1:8083/announcements/1")
							.build()));
	}

	static Organisation organisation() {
		return Organisation.newBuilder()
			.setName("CLUJ IT Cluster")
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

}
