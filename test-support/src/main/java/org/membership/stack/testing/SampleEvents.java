package org.membership.stack.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.membership.events.AnnouncementPublished;
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

/**
 * The reference story as events, for every module's tests: CLUJ IT Cluster (Cluj-Napoca,
 * Romania) applies to DIGITAL SME, is approved as a Full Member effective 1 January 2023,
 * and is announced. One builder per record of the contract, every field set, the
 * application's versions as the workflow numbers them (received 1, decided 2, effective
 * and announced 3); a test changes what it is about (a name, a version, a country) and
 * builds. {@link TestProducer} sends them.
 */
public final class SampleEvents {

	/** The organisation of the story. */
	public static final String ORGANISATION_NAME = "CLUJ IT Cluster";

	/** The tier applied for and granted. */
	public static final String TIER = "FULL";

	/** The first day of the membership. */
	public static final LocalDate EFFECTIVE_FROM = LocalDate.of(2023, 1, 1);

	/**
	 * The contact's address in the story; {@link #uniqueEmail()} for a mailbox of one
	 * test.
	 */
	public static final String CONTACT_EMAIL = "andrei.kelemen@example.org";

	/** What CLUJ IT Cluster aims for as a member, in its application's words. */
	public static final String AIMS = "aims to foster a digital innovation ecosystem in the region of Transylvania,"
			+ " connecting companies, universities and public bodies";

	/** The CEO's statement about joining, in the application. */
	public static final String STATEMENT = "Joining DIGITAL SME gives the companies of our cluster a voice in"
			+ " Brussels and partners across Europe. We look forward to bringing what the digital ecosystem of"
			+ " Transylvania has learnt, from start-ups to universities, to the work of the Alliance.";

	private static final Instant SUBMITTED_AT = Instant.parse("2022-11-02T09:00:00Z");

	private static final Instant DECIDED_AT = Instant.parse("2022-12-01T10:00:00Z");

	private static final Instant CHANGED_AT = Instant.parse("2022-12-15T14:00:00Z");

	/** Midnight of 1 January 2023 in Brussels, the association's time zone. */
	private static final Instant EFFECTIVE_AT = Instant.parse("2022-12-31T23:00:00Z");

	private SampleEvents() {
	}

	/** CLUJ IT Cluster, as its application describes it. */
	public static Organisation.Builder organisation() {
		return Organisation.newBuilder()
			.setName(ORGANISATION_NAME)
			.setLegalName("Asociația CLUJ IT")
			.setCountry("RO")
			.setCity("Cluj-Napoca")
			.setWebsite("https://www.clujit.ro")
			.setType(OrganisationType.CLUSTER)
			.setFoundedOn(LocalDate.of(2012, 10, 1))
			.setMemberCount(90)
			.setDescription("Innovative cluster of IT companies, universities and research institutes.")
			.setAims(AIMS);
	}

	/** The story's organisation under another name (see {@link #uniqueName(String)}). */
	public static Organisation.Builder organisation(String name) {
		return organisation().setName(name);
	}

	/** Andrei Kelemen, CEO, the contact person of the application. */
	public static Contact.Builder contact() {
		return Contact.newBuilder().setName("Andrei Kelemen").setRole("CEO").setEmail(CONTACT_EMAIL);
	}

	/** The story's contact person at another address (see {@link #uniqueEmail()}). */
	public static Contact.Builder contact(String email) {
		return contact().setEmail(email);
	}

	/** Andrei Kelemen's statement about joining (see {@link #STATEMENT}). */
	public static Statement.Builder statement() {
		return Statement.newBuilder().setText(STATEMENT);
	}

	/** The application arrives (version 1). */
	public static ApplicationReceived.Builder applicationReceived(UUID applicationId) {
		return ApplicationReceived.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(SUBMITTED_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(1)
			.setCorrelationId(correlationId(applicationId))
			.setOrganisation(organisation().build())
			.setRequestedTier(TIER)
			.setContact(contact().build())
			.setSubmittedAt(SUBMITTED_AT)
			.setStatement(statement().build());
	}

	/** Staff approve it as a Full Member from 1 January 2023 (version 2). */
	public static MemberApproved.Builder memberApproved(UUID applicationId) {
		return MemberApproved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(DECIDED_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(2)
			.setCorrelationId(correlationId(applicationId))
			.setTier(TIER)
			.setEffectiveFrom(EFFECTIVE_FROM)
			.setApprovedBy("staff")
			.setOrganisation(organisation().build())
			.setNote(null);
	}

	/** The other ending: staff reject it (version 2). */
	public static ApplicationRejected.Builder applicationRejected(UUID applicationId) {
		return ApplicationRejected.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(DECIDED_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(2)
			.setCorrelationId(correlationId(applicationId))
			.setReason("Members must be based in the EU or the EEA.")
			.setRejectedBy("staff");
	}

	/**
	 * The effective date that {@link #effectiveDateChanged(UUID)} moves the membership
	 * to.
	 */
	public static final LocalDate NEW_EFFECTIVE_FROM = LocalDate.of(2023, 3, 1);

	/**
	 * The other turn after the approval: staff move the effective date from 1 January to
	 * 1 March 2023 (version 3).
	 */
	public static EffectiveDateChanged.Builder effectiveDateChanged(UUID applicationId) {
		return EffectiveDateChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(CHANGED_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(3)
			.setCorrelationId(correlationId(applicationId))
			.setPreviousEffectiveFrom(EFFECTIVE_FROM)
			.setEffectiveFrom(NEW_EFFECTIVE_FROM)
			.setReason("The board confirms new members at its meeting of 1 March.")
			.setChangedBy("staff")
			.setTier(TIER)
			.setOrganisation(organisation().build());
	}

	/**
	 * The application is withdrawn by its applicant, from the status link (version 3,
	 * after the approval; set version 2 for a withdrawal while submitted).
	 */
	public static ApplicationWithdrawn.Builder applicationWithdrawn(UUID applicationId) {
		return ApplicationWithdrawn.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(CHANGED_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(3)
			.setCorrelationId(correlationId(applicationId))
			.setWithdrawnBy(WithdrawnBy.APPLICANT)
			.setReason(null)
			.setWithdrawnAt(CHANGED_AT);
	}

	/** The membership starts on 1 January 2023 (version 3). */
	public static MembershipEffective.Builder membershipEffective(UUID applicationId) {
		return MembershipEffective.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(EFFECTIVE_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(3)
			.setCorrelationId(correlationId(applicationId))
			.setTier(TIER)
			.setEffectiveFrom(EFFECTIVE_FROM)
			.setOrganisation(organisation().build());
	}

	/** The welcome announcement of the new member (version 3). */
	public static AnnouncementPublished.Builder announcementPublished(UUID applicationId) {
		UUID announcementId = UUID.randomUUID();
		return AnnouncementPublished.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(EFFECTIVE_AT)
			.setApplicationId(applicationId)
			.setApplicationVersion(3)
			.setCorrelationId(correlationId(applicationId))
			.setAnnouncementId(announcementId)
			.setHeadline("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member")
			.setSummary(List.of("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member."))
			.setBody("The European DIGITAL SME Alliance welcomes a new member from Romania.")
			.setPublishedAt(EFFECTIVE_AT)
			.setLink("http://127.0.0.1:8083/announcements/" + announcementId);
	}

	/** A name no other test uses, so that a test finds its own member. */
	public static String uniqueName(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** An address no other test uses, so that a test reads only its own mails. */
	public static String uniqueEmail() {
		return "contact-" + UUID.randomUUID() + "@example.org";
	}

	private static String correlationId(UUID applicationId) {
		return "corr-" + applicationId;
	}

}
