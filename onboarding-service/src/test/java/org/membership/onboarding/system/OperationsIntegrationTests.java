package org.membership.onboarding.system;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operations see: health with database and Kafka, counters and the outbox gauge. */
@OnboardingIntegrationTest
class OperationsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void healthReportsTheDatabaseAndKafka() {
		JsonNode health = new Api(this.port).get("/actuator/health").json();

		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void theCountersFollowSubmissionsAndDecisions() {
		Api staff = new Api(this.port).asStaff();
		double submitted = counter(staff, "membership.onboarding.applications.submitted");
		double approved = counter(staff, "membership.onboarding.applications.approved");
		double rejected = counter(staff, "membership.onboarding.applications.rejected");
		double effective = counter(staff, "membership.onboarding.applications.effective");

		UUID first = submit();
		UUID second = submit();
		staff.post("/api/applications/" + first + "/approval",
				Map.of("tier", "FULL", "effectiveFrom", LocalDate.of(2023, 1, 1).toString()));
		staff.post("/api/applications/" + second + "/rejection", Map.of("reason", "Counted"));

		// exactly: a change counted twice must show (the tests of a JVM run one at a
		// time,
		// and the background poll finds nothing due in this context: future dates only)
		assertThat(counter(staff, "membership.onboarding.applications.submitted")).isEqualTo(submitted + 2);
		assertThat(counter(staff, "membership.onboarding.applications.approved")).isEqualTo(approved + 1);
		assertThat(counter(staff, "membership.onboarding.applications.rejected")).isEqualTo(rejected + 1);
		assertThat(counter(staff, "membership.onboarding.applications.effective")).isEqualTo(effective + 1);
	}

	@Test
	void theOutboxGaugeShowsWhatWaitsAndEmptiesWhenKafkaAcknowledged() {
		submit();

		await().untilAsserted(
				() -> assertThat(counter(new Api(this.port).asStaff(), "membership.onboarding.outbox.waiting"))
					.isZero());
		// retention: completion mode delete keeps no completed publication, so the table
		// does not grow and needs no clean-up job
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void metricsAreForStaffOnly() {
		assertThat(new Api(this.port).get("/actuator/metrics/membership.onboarding.outbox.waiting").status())
			.isEqualTo(401);
		assertThat(new Api(this.port).as("viewer", "viewer-password")
			.get("/actuator/metrics/membership.onboarding.outbox.waiting")
			.status()).isEqualTo(403);
	}

	@Test
	void prometheusScrapesTheServicesMetricsForStaff() {
		submit();

		Api.Response scrape = new Api(this.port).asStaff().get("/actuator/prometheus");

		assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
		assertThat(scrape.header("Content-Type")).startsWith("text/plain");
		assertThat(scrape.body()).contains("membership_onboarding_applications_submitted_total")
			.contains("membership_onboarding_outbox_waiting")
			.doesNotContainPattern("(?m)^onboarding_");
		assertThat(new Api(this.port).get("/actuator/prometheus").status()).isEqualTo(401);
	}

	private UUID submit() {
		return UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
	}

	private static double counter(Api staff, String name) {
		Api.Response response = staff.get("/actuator/metrics/" + name);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("measurements").get(0).path("value").asDouble();
	}

}
