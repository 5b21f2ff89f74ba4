package org.membership.notification.acknowledgement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.membership.events.ApplicationWithdrawn;
import org.membership.events.EffectiveDateChanged;
import org.membership.events.WithdrawnBy;
import org.membership.notification.mail.Notification;
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

/**
 * The changes before a membership takes effect, mailed to the contact: a withdrawal and a
 * new effective date, each once even when delivered twice, with the right text, in any
 * order of events.
 */
@NotificationIntegrationTest
class ApplicationChangesIntegrationTests {

	private static final LocalDate LATER = LocalDate.of(2099, 3, 1);

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private Notifications notifications;

	@Test
	void aWithdrawalByTheApplicantIsMailedOnceEvenWhenDeliveredTwice() {
		UUID applicationId = UUID.randomUUID();
		String contact = received(applicationId);
		ApplicationWithdrawn withdrawn = SampleEvents.applicationWithdrawn(applicationId).build();

		TestProducer.send(withdrawn);
		TestProducer.send(withdrawn);

		Mails mail = Mails.of(Exactly.mails(this.smtp, contact, 2).get(1));
		assertThat(mail.subject()).isEqualTo("DIGITAL SME: the membership application of CLUJ IT Cluster is withdrawn");
		assertThat(mail.text()).startsWith("Dear Andrei Kelemen,")
			.contains("as you asked on 15 December 2022, the membership application of CLUJ IT Cluster is withdrawn.")
			.contains("will not be processed further")
			.doesNotContain("The reason")
			.doesNotContain("membership team has withdrawn");
		assertThat(mail.html()).contains("15 December 2022").contains("<strong>CLUJ IT Cluster</strong>");
		assertThat(kinds(applicationId)).containsExactly(NotificationKind.ACKNOWLEDGEMENT, NotificationKind.WITHDRAWAL);
	}

	@Test
	void aWithdrawalByStaffSaysSoAndTheirReasonStaysText() {
		UUID applicationId = UUID.randomUUID();
		String contact = received(applicationId);

		TestProducer.send(SampleEvents.applicationWithdrawn(applicationId)
			.setWithdrawnBy(WithdrawnBy.STAFF)
			.setReason("Asked by phone <script>alert('x')</script> & confirmed.")
			.build());

		Mails mail = Mails.of(Exactly.mails(this.smtp, contact, 2).get(1));
		assertThat(mail.text()).contains(
				"our membership team has withdrawn the membership application of CLUJ IT Cluster on 15 December 2022.")
			.contains("The reason: Asked by phone <script>alert('x')</script> & confirmed.");
		assertThat(mail.html()).contains("our membership team has withdrawn")
			.contains("Asked by phone &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; confirmed.")
			.doesNotContain("<script>");
	}

	@Test
	void aNewEffectiveDateIsMailedOnceWithTheDatesWrittenAsTheOtherMailsWriteThem() {
		UUID applicationId = UUID.randomUUID();
		String contact = received(applicationId);
		TestProducer.send(SampleEvents.memberApproved(applicationId).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.smtp.messagesTo(contact).size() == 2);
		EffectiveDateChanged changed = SampleEvents.effectiveDateChanged(applicationId)
			.setEffectiveFrom(LATER)
			.setReason("The board meets in March <b>only</b>.")
			.build();

		TestProducer.send(changed);
		TestProducer.send(changed);

		Mails mail = Mails.of(Exactly.mails(this.smtp, contact, 3).get(2));
		assertThat(mail.subject())
			.isEqualTo("DIGITAL SME: the membership of CLUJ IT Cluster now takes effect on 1 March 2099");
		assertThat(mail.text()).startsWith("Dear Andrei Kelemen,")
			.contains("the date your membership takes effect has changed to 1 March 2099")
			.contains("was to take effect on 1 January 2023")
			.contains("The reason: The board meets in March <b>only</b>.")
			.contains("We will write to you again on 1 March 2099");
		assertThat(mail.html()).contains("<strong>1 March 2099</strong>")
			.contains("The board meets in March &lt;b&gt;only&lt;/b&gt;.");
	}

	@Test
	void aDateChangeBeforeItsApprovalIsMailedAndTheLateApprovalGivesTheNewDate() {
		UUID applicationId = UUID.randomUUID();
		String contact = received(applicationId);
		TestProducer.send(SampleEvents.effectiveDateChanged(applicationId)
			.setApplicationVersion(4)
			.setPreviousEffectiveFrom(LocalDate.of(2099, 2, 1))
			.setEffectiveFrom(LATER)
			.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.smtp.messagesTo(contact).size() == 2);

		// the events it follows, arriving late: an older date change and the approval
		TestProducer.send(SampleEvents.effectiveDateChanged(applicationId)
			.setPreviousEffectiveFrom(LocalDate.of(2099, 1, 1))
			.setEffectiveFrom(LocalDate.of(2099, 2, 1))
			.build());
		TestProducer
			.send(SampleEvents.memberApproved(applicationId).setEffectiveFrom(LocalDate.of(2099, 1, 1)).build());

		List<Mails> mails = Exactly.mails(this.smtp, contact, 3).stream().map(Mails::of).toList();
		assertThat(mails.get(1).text()).contains("has changed to 1 March 2099");
		Mails approval = mails.get(2);
		assertThat(approval.subject()).isEqualTo("DIGITAL SME: CLUJ IT Cluster is approved as a Full Member");
		assertThat(approval.text()).contains("Member from: 1 March 2099")
			.contains("We will write to you again on 1 March 2099")
			.doesNotContain("2099-")
			.doesNotContain("1 January 2099")
			.doesNotContain("1 February 2099");
		assertThat(kinds(applicationId)).containsExactly(NotificationKind.ACKNOWLEDGEMENT,
				NotificationKind.EFFECTIVE_DATE_CHANGE, NotificationKind.APPROVAL);
	}

	@Test
	void aWithdrawalBeforeTheApplicationWaitsForTheContactAndOlderEventsMailNothingAfterIt() {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationWithdrawn(applicationId)
			.setApplicationVersion(4)
			.setWithdrawnBy(WithdrawnBy.STAFF)
			.setReason("Duplicate application.")
			.build());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.findByApplication(applicationId)
				.stream()
				.anyMatch((n) -> n.kind() == NotificationKind.WITHDRAWAL && n.recipient().isEmpty()));

		TestProducer.send(SampleEvents.memberApproved(applicationId).build());
		TestProducer.send(SampleEvents.effectiveDateChanged(applicationId).build());
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());

		List<Mails> mails = Exactly.mails(this.smtp, contact, 2).stream().map(Mails::of).toList();
		Mails withdrawal = mails.stream()
			.filter((mail) -> mail.subject().endsWith("is withdrawn"))
			.findFirst()
			.orElseThrow();
		// written again once the contact was known
		assertThat(withdrawal.subject())
			.isEqualTo("DIGITAL SME: the membership application of CLUJ IT Cluster is withdrawn");
		assertThat(withdrawal.text()).startsWith("Dear Andrei Kelemen,").contains("The reason: Duplicate application.");
		assertThat(kinds(applicationId)).containsExactlyInAnyOrder(NotificationKind.ACKNOWLEDGEMENT,
				NotificationKind.WITHDRAWAL);
	}

	/** The contact of a new application, once its acknowledgement is there. */
	private String received(UUID applicationId) {
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.smtp.messagesTo(contact).isEmpty());
		return contact;
	}

	private List<NotificationKind> kinds(UUID applicationId) {
		return this.notifications.findByApplication(applicationId).stream().map(Notification::kind).toList();
	}

}
