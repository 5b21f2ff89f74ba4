package org.membership.onboarding.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.membership.events.ApplicationReceived;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.SampleEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.membership.onboarding.support.SampleApplications.organisation;
import static org.membership.onboarding.support.SampleApplications.statement;

/**
 * The applicant's own words, {@code organisation.aims} and {@code statement}: stored with
 * the application, shown to staff and to the applicant, carried in ApplicationReceived
 * and in every organisation snapshot, read back from the topics through the registry.
 */
@OnboardingIntegrationTest
class ApplicantWordsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aimsAndStatementTravelInApplicationReceivedAndEveryOrganisationSnapshot() {
		Map<String, Object> application = SampleApplications.clujItCluster();
		statement(application).put("text", "We join.\r\nTogether we are stronger.");

		Api.Response submitted = new Api(this.port).post("/api/applications", application);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		UUID id = UUID.fromString(submitted.text("id"));
		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_RECEIVED, id)) {
			ApplicationReceived received = events.awaitFirst(Duration.ofSeconds(30));
			assertThat(received.getOrganisation().getAims()).isEqualTo(SampleEvents.AIMS);
			assertThat(received.getStatement()).isNotNull();
			assertThat(received.getStatement().getText()).as("one line feed per line break")
				.isEqualTo("We join.\nTogether we are stronger.");
		}

		Api staff = new Api(this.port).asStaff();
		Api.Response approval = staff.post("/api/applications/" + id + "/approval",
				Map.of("tier", "FULL", "effectiveFrom", LocalDate.now().minusDays(1).toString()));
		assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
		try (KafkaEvents approvals = KafkaEvents.of(Topics.MEMBER_APPROVED, id);
				KafkaEvents effective = KafkaEvents.of(Topics.MEMBERSHIP_EFFECTIVE, id)) {
			MemberApproved approved = approvals.awaitFirst(Duration.ofSeconds(30));
			assertThat(approved.getOrganisation().getAims()).isEqualTo(SampleEvents.AIMS);
			MembershipEffective tookEffect = effective.awaitFirst(Duration.ofSeconds(30));
			assertThat(tookEffect.getOrganisation().getAims()).isEqualTo(SampleEvents.AIMS);
		}

		Api.Response details = staff.get("/api/applications/" + id);
		assertThat(details.json().path("organisation").path("aims").asString()).isEqualTo(SampleEvents.AIMS);
		assertThat(details.json().path("statement").path("text").asString())
			.isEqualTo("We join.\nTogether we are stronger.");
		Api.Response status = new Api(this.port).get(submitted.text("statusUrl"));
		assertThat(status.text("aims")).isEqualTo(SampleEvents.AIMS);
		assertThat(status.json().path("statement").path("text").asString())
			.isEqualTo("We join.\nTogether we are stronger.");
	}

	@Test
	void blankOrMissingWordsAreAbsentEverywhere() {
		Map<String, Object> blank = SampleApplications.clujItCluster();
		organisation(blank).put("aims", "  \n ");
		statement(blank).put("text", "   ");
		Map<String, Object> missing = SampleApplications.clujItCluster();
		organisation(missing).remove("aims");
		missing.remove("statement");
		Map<String, Object> empty = SampleApplications.clujItCluster();
		organisation(empty).put("aims", null);
		empty.put("statement", Map.of());

		List<UUID> ids = List.of(submit(blank), submit(missing), submit(empty));

		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_RECEIVED, ids)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> events.readNow().size() >= ids.size());
			assertThat(events.readNow()).hasSize(3).allSatisfy((event) -> {
				ApplicationReceived received = (ApplicationReceived) event;
				assertThat(received.getOrganisation().getAims()).isNull();
				assertThat(received.getStatement()).isNull();
			});
		}
		for (UUID id : ids) {
			Api.Response details = new Api(this.port).asStaff().get("/api/applications/" + id);
			assertThat(details.json().path("organisation").has("aims")).as(details.toString()).isFalse();
			assertThat(details.json().has("statement")).as(details.toString()).isFalse();
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM membership_application WHERE id = ? AND org_aims IS NULL"
						+ " AND statement_text IS NULL")
				.param(id)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void theSameIdempotencyKeyWithOtherWordsIsUnprocessable() {
		String key = UUID.randomUUID().toString();
		Api api = new Api(this.port).with("Idempotency-Key", key);
		String marker = UUID.randomUUID().toString();
		Map<String, Object> first = SampleApplications.clujItCluster(marker);
		Map<String, Object> otherAims = SampleApplications.clujItCluster(marker);
		organisation(otherAims).put("aims", "aims to connect the clusters of the Danube region");
		Map<String, Object> otherStatement = SampleApplications.clujItCluster(marker);
		statement(otherStatement).put("text", "Other words.");
		Map<String, Object> noStatement = SampleApplications.clujItCluster(marker);
		noStatement.remove("statement");

		Api.Response created = api.post("/api/applications", first);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		assertThat(api.post("/api/applications", otherAims).status()).isEqualTo(422);
		assertThat(api.post("/api/applications", otherStatement).status()).isEqualTo(422);
		assertThat(api.post("/api/applications", noStatement).status()).isEqualTo(422);
		Api.Response replayed = api.post("/api/applications", SampleApplications.clujItCluster(marker));
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
		assertThat(replayed.text("id")).isEqualTo(created.text("id"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM membership_application WHERE org_description LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void wordsAtTheirLimitsAreTakenWhole() {
		Map<String, Object> application = SampleApplications.clujItCluster();
		String aims = "a".repeat(299) + ".";
		String words = ("Line of the statement.\n").repeat(43) + "x".repeat(11);
		organisation(application).put("aims", aims);
		statement(application).put("text", words);
		assertThat(words).hasSize(1000);

		UUID id = submit(application);

		Api.Response details = new Api(this.port).asStaff().get("/api/applications/" + id);
		assertThat(details.json().path("organisation").path("aims").asString()).isEqualTo(aims);
		assertThat(details.json().path("statement").path("text").asString()).isEqualTo(words);
	}

	private UUID submit(Map<String, Object> application) {
		Api.Response response = new Api(this.port).post("/api/applications", application);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.text("id"));
	}

}
