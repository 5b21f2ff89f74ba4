package org.membership.notification.acknowledgement;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;

import org.junit.jupiter.api.Test;
import org.membership.events.ApplicationReceived;
import org.membership.notification.mail.NotificationKind;
import org.membership.notification.mail.Notifications;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.Mails;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class AcknowledgementIntegrationTests {

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private Notifications notifications;

	@Test
	void applicationReceivedIsAcknowledgedToTheContact() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();

		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());

		Mails mail = Mails.of(Exactly.mails(this.smtp, contact, 1).get(0));
		assertThat(mail.subject())
			.isEqualTo("DIGITAL SME: we have received the membership application of CLUJ IT Cluster");
		assertThat(mail.text()).contains("Dear Andrei Kelemen,")
			.contains("member of the European DIGITAL SME Alliance on behalf of CLUJ IT Cluster")
			.contains(applicationId.toString());
		assertThat(mail.html()).contains("<strong>CLUJ IT Cluster</strong>").contains("Andrei Kelemen");
	}

	@Test
	void approvalTellsTheContactTheTierAndTheEffectiveDate() throws Exception {
		Mails mail = decisionMail((applicationId) -> SampleEvents.memberApproved(applicationId).build());
		assertThat(mail.subject()).isEqualTo("DIGITAL SME: CLUJ IT Cluster is approved as a Full Member");
		assertThat(mail.text()).contains("Tier: Full Member").contains("Member from: 1 January 2023");
		// a past date takes effect at once: no promise of a later mail that follows the
		// same second
		assertThat(mail.text()).contains("takes effect at once").doesNotContain("write to you again");
		assertThat(mail.html()).contains("Full Member").contains("1 January 2023");
	}

	@Test
	void anAssociateIsApprovedAsAnAssociateMember() throws Exception {
		Mails mail = decisionMail(
				(applicationId) -> SampleEvents.memberApproved(applicationId).setTier("ASSOCIATE").build());
		assertThat(mail.subject()).isEqualTo("DIGITAL SME: CLUJ IT Cluster is approved as an Associate Member");
		assertThat(mail.text()).contains("Tier: Associate Member");
	}

	@Test
	void rejectionTellsTheContactTheReason() throws Exception {
		Mails mail = decisionMail((applicationId) -> SampleEvents.applicationRejected(applicationId)
			.setReason("Members must be based in the EU & <EEA>.")
			.build());
		assertThat(mail.subject())
			.isEqualTo("DIGITAL SME: the decision on the membership application of CLUJ IT Cluster");
		assertThat(mail.text()).contains("The reason: Members must be based in the EU & <EEA>.");
		assertThat(mail.html()).contains("Members must be based in the EU &amp; &lt;EEA&gt;.").doesNotContain("<EEA>");
	}

	@Test
	void aRedeliveredEventSendsNothingMore() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		ApplicationReceived event = SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build();
		TestProducer.send(event);
		awaitOneMail(contact);

		// the same event again, then a new one with the same key (same partition):
		// once the second mail is there, the redelivered event has been consumed too
		TestProducer.send(event);
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());

		Exactly.mails(this.smtp, contact, 2);
	}

	@Test
	void aDecisionThatArrivesBeforeTheApplicationWaitsForTheContact() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();

		// topics are not ordered with each other: the approval may be consumed first
		TestProducer.send(SampleEvents.memberApproved(applicationId).build());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.findByApplication(applicationId)
				.stream()
				.anyMatch((n) -> n.kind() == NotificationKind.APPROVAL && n.recipient().isEmpty()));
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());

		Mails approval = Exactly.mails(this.smtp, contact, 2)
			.stream()
			.map(Mails::of)
			.filter((mail) -> mail.subject().equals("DIGITAL SME: CLUJ IT Cluster is approved as a Full Member"))
			.findFirst()
			.orElseThrow();
		// written again once the contact was known
		assertThat(approval.text()).startsWith("Dear Andrei Kelemen,");
	}

	/**
	 * The mail of a decision on a new application whose acknowledgement went out first:
	 * the second of exactly two mails to its contact.
	 */
	private Mails decisionMail(Function<UUID, SpecificRecord> decision) {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
		awaitOneMail(contact);
		TestProducer.send(decision.apply(applicationId));
		return Mails.of(Exactly.mails(this.smtp, contact, 2).get(1));
	}

	/** The first mail; the test counts all of them exactly at its end. */
	private void awaitOneMail(String recipient) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.smtp.messagesTo(recipient).isEmpty());
	}

}
