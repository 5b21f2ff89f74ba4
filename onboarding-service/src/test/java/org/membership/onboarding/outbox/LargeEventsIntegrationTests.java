package org.membership.onboarding.outbox;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.membership.events.MemberApproved;
import org.membership.events.Organisation;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event larger than 4000 characters (Spring Modulith's own H2 schema would refuse it
 * and roll the decision back) is stored whole in the outbox and delivered whole.
 */
@OnboardingIntegrationTest
class LargeEventsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anApprovalOfAnApplicationAtTheFieldLimitsIsPublishedWhole() {
		Map<String, Object> application = SampleApplications.clujItCluster();
		Map<String, Object> organisation = SampleApplications.organisation(application);
		organisation.put("name", text("CLUJ IT Cluster ", 200));
		organisation.put("legalName", text("Asociația CLUJ IT ", 200));
		organisation.put("city", text("Cluj-Napoca ", 100));
		organisation.put("description",
				text("Innovative cluster of IT companies, universities and institutes. ", 2000));
		organisation.put("aims", text("aims to foster a digital innovation ecosystem in Transylvania. ", 300));
		// the longest note the API accepts; the history entry prefixes it (tier, date)
		String note = text("Approved by the board after the visit to Cluj-Napoca. ", 2000);

		Api.Response submission = new Api(this.port).post("/api/applications", application);
		assertThat(submission.status()).as(submission.toString()).isEqualTo(201);
		UUID id = UUID.fromString(submission.text("id"));
		Api.Response approval = new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", LocalDate.now().plusMonths(2).toString(), "note", note));
		assertThat(approval.status()).as(approval.toString()).isEqualTo(200);

		try (KafkaEvents events = KafkaEvents.of(Topics.MEMBER_APPROVED, id)) {
			MemberApproved approved = events.awaitFirst(Duration.ofMinutes(1));
			Organisation published = approved.getOrganisation();
			assertThat(approved.getNote()).isEqualTo(note);
			assertThat(published.getDescription()).isEqualTo(organisation.get("description"));
			assertThat(published.getAims()).isEqualTo(organisation.get("aims"));
			assertThat(published.getName().length() + published.getLegalName().length() + published.getCity().length()
					+ published.getDescription().length() + published.getAims().length() + approved.getNote().length())
				.as("characters of the event's texts alone")
				.isGreaterThan(4000);
		}
		await().untilAsserted(
				() -> assertThat(this.jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
					.param("%" + id + "%")
					.query(Long.class)
					.single()).isZero());
	}

	/**
	 * {@code sentence} repeated to exactly {@code length} characters, ending in a full
	 * stop.
	 */
	private static String text(String sentence, int length) {
		return sentence.repeat(length / sentence.length() + 1).substring(0, length - 1) + ".";
	}

}
