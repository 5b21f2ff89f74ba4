package org.membership.notification.acknowledgement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Draft;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The draft announcement follows the changes before a membership takes effect, in either
 * order of events: a withdrawal cancels it, a new effective date re-dates it, also when
 * the change was consumed before the approval that wrote the draft.
 */
@NotificationIntegrationTest
class DraftsFollowChangesIntegrationTests {

	private static final LocalDate APPROVED_FOR = LocalDate.of(2099, 1, 1);

	private static final LocalDate MOVED_TO = LocalDate.of(2099, 3, 1);

	@Autowired
	private AnnouncementDrafts drafts;

	@Test
	void aWithdrawalAfterTheApprovalCancelsTheDraft() {
		UUID applicationId = approved();

		TestProducer.send(SampleEvents.applicationWithdrawn(applicationId).setApplicationVersion(3).build());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(draft(applicationId).announcement().status())
				.isEqualTo(Announcement.Status.CANCELLED));
	}

	@Test
	void aNewDateAfterTheApprovalReDatesTheDraft() {
		UUID applicationId = approved();

		TestProducer.send(SampleEvents.effectiveDateChanged(applicationId)
			.setApplicationVersion(3)
			.setPreviousEffectiveFrom(APPROVED_FOR)
			.setEffectiveFrom(MOVED_TO)
			.build());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertReDated(draft(applicationId)));
	}

	@Test
	void aWithdrawalConsumedBeforeTheApprovalCancelsTheDraftTheApprovalWrites() {
		UUID applicationId = UUID.randomUUID();
		TestProducer.send(SampleEvents.applicationWithdrawn(applicationId).setApplicationVersion(3).build());
		TestProducer.send(SampleEvents.memberApproved(applicationId).setEffectiveFrom(APPROVED_FOR).build());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.drafts.findByApplicationId(applicationId)).hasValueSatisfying(
					(draft) -> assertThat(draft.announcement().status()).isEqualTo(Announcement.Status.CANCELLED)));
	}

	@Test
	void aNewDateConsumedBeforeTheApprovalIsTheDateOfTheDraftTheApprovalWrites() {
		UUID applicationId = UUID.randomUUID();
		TestProducer.send(SampleEvents.effectiveDateChanged(applicationId)
			.setApplicationVersion(3)
			.setPreviousEffectiveFrom(APPROVED_FOR)
			.setEffectiveFrom(MOVED_TO)
			.build());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.drafts.findByApplicationId(applicationId)).isEmpty());
		TestProducer.send(SampleEvents.memberApproved(applicationId).setEffectiveFrom(APPROVED_FOR).build());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertReDated(draft(applicationId)));
	}

	/** An application approved for {@link #APPROVED_FOR}, once its draft is written. */
	private UUID approved() {
		UUID applicationId = UUID.randomUUID();
		TestProducer.send(SampleEvents.memberApproved(applicationId).setEffectiveFrom(APPROVED_FOR).build());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(draft(applicationId).effectiveFrom()).isEqualTo(APPROVED_FOR));
		return applicationId;
	}

	private Draft draft(UUID applicationId) {
		return this.drafts.findByApplicationId(applicationId).orElseThrow();
	}

	private static void assertReDated(Draft draft) {
		assertThat(draft.announcement().status()).isEqualTo(Announcement.Status.DRAFT);
		assertThat(draft.effectiveFrom()).isEqualTo(MOVED_TO);
		String text = draft.announcement().headline() + "\n" + String.join("\n", draft.announcement().summary()) + "\n"
				+ draft.announcement().body();
		assertThat(text).contains("1 March 2099").doesNotContain("1 January 2099");
	}

}
