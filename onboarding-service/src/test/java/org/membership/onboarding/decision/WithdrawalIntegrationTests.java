package org.membership.onboarding.decision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.ApplicationWithdrawn;
import org.membership.events.MemberApproved;
import org.membership.events.Topics;
import org.membership.events.WithdrawnBy;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/applications/{id}/withdrawal}: by the applicant with the status token,
 * or by staff with a reason; while SUBMITTED or APPROVED, exactly once, through the
 * outbox.
 */
@OnboardingIntegrationTest
class WithdrawalIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	private int port;

	record Submitted(UUID id, String token) {
	}

	private Submitted submit() {
		Api.Response response = new Api(this.port).post("/api/applications", SampleApplications.clujItCluster());
		assertThat(response.status()).isEqualTo(201);
		String statusUrl = response.text("statusUrl");
		return new Submitted(UUID.fromString(response.text("id")),
				statusUrl.substring(statusUrl.indexOf("token=") + "token=".length()));
	}

	private static LocalDate today() {
		return LocalDate.now(BRUSSELS);
	}

	private Api.Response approve(UUID id, LocalDate effectiveFrom) {
		return new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", effectiveFrom.toString()));
	}

	private Api.Response withdrawAsApplicant(Submitted application, Object body) {
		return new Api(this.port)
			.post("/api/applications/" + application.id() + "/withdrawal?token=" + application.token(), body);
	}

	private Api.Response withdrawAsStaff(UUID id, Object body) {
		return new Api(this.port).asStaff().post("/api/applications/" + id + "/withdrawal", body);
	}

	private JsonNode details(UUID id) {
		return new Api(this.port).asStaff().get("/api/applications/" + id).json();
	}

	@Test
	void theApplicantWithdrawsASubmittedApplicationWithTheStatusTokenPublishingApplicationWithdrawnOnce() {
		Submitted application = submit();

		Api.Response response = withdrawAsApplicant(application, "");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("WITHDRAWN");
		assertThat(response.json().path("version").asLong()).isEqualTo(2);
		assertThat(response.text("withdrawnBy")).isEqualTo("APPLICANT");
		assertThat(response.json().has("reason")).isFalse();
		assertThat(
				new Api(this.port).get("/api/applications/" + application.id() + "/status?token=" + application.token())
					.text("status"))
			.isEqualTo("WITHDRAWN");
		JsonNode details = details(application.id());
		assertThat(details.path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(details.path("withdrawal").path("by").asString()).isEqualTo("APPLICANT");
		JsonNode history = details.path("history");
		assertThat(history).hasSize(2);
		assertThat(history.get(1).path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(history.get(1).path("by").asString()).isEqualTo("applicant");
		assertThat(history.get(1).path("version").asLong()).isEqualTo(2);
		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_WITHDRAWN, application.id())) {
			ApplicationWithdrawn withdrawn = (ApplicationWithdrawn) events.awaitExactlyOne(Duration.ofSeconds(30))
				.get(0);
			assertThat(withdrawn.getWithdrawnBy()).isEqualTo(WithdrawnBy.APPLICANT);
			assertThat(withdrawn.getReason()).isNull();
			assertThat(withdrawn.getApplicationVersion()).isEqualTo(2);
			assertThat(withdrawn.getCorrelationId()).isEqualTo(details.path("correlationId").asString());
			assertThat(withdrawn.getWithdrawnAt()).isEqualTo(withdrawn.getOccurredAt());
		}
	}

	@Test
	void theApplicantMayGiveAReasonKeptAsPlainText() {
		Submitted application = submit();
		String reason = "We joined another network <script>alert(1)</script>";

		Api.Response response = withdrawAsApplicant(application, Map.of("reason", reason));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("reason")).isEqualTo(reason);
		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_WITHDRAWN, application.id())) {
			ApplicationWithdrawn withdrawn = events.awaitFirst(Duration.ofSeconds(30));
			assertThat(withdrawn.getReason()).isEqualTo(reason);
		}
	}

	@Test
	void staffWithdrawAnApprovedApplicationWithAReason() {
		Submitted application = submit();
		assertThat(approve(application.id(), today().plusDays(30)).text("status")).isEqualTo("APPROVED");

		Api.Response response = withdrawAsStaff(application.id(), Map.of("reason", "The applicant asked us by e-mail"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("WITHDRAWN");
		assertThat(response.json().path("version").asLong()).isEqualTo(3);
		assertThat(response.text("withdrawnBy")).isEqualTo("STAFF");
		assertThat(response.text("reason")).isEqualTo("The applicant asked us by e-mail");
		JsonNode details = details(application.id());
		assertThat(details.path("withdrawal").path("actor").asString()).isEqualTo("staff");
		assertThat(details.path("history").get(2).path("by").asString()).isEqualTo("staff");
		assertThat(details.path("history").get(2).path("detail").asString())
			.isEqualTo("The applicant asked us by e-mail");
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(application.id()))) {
			events.awaitExactly(
					Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, application.id()), 1L,
							KafkaEvents.on(Topics.MEMBER_APPROVED, application.id()), 1L,
							KafkaEvents.on(Topics.APPLICATION_WITHDRAWN, application.id()), 1L),
					Duration.ofSeconds(30));
			ApplicationWithdrawn withdrawn = events.readNow()
				.stream()
				.filter(ApplicationWithdrawn.class::isInstance)
				.map(ApplicationWithdrawn.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(withdrawn.getWithdrawnBy()).isEqualTo(WithdrawnBy.STAFF);
			assertThat(withdrawn.getReason()).isEqualTo("The applicant asked us by e-mail");
			assertThat(withdrawn.getApplicationVersion()).isEqualTo(3);
		}
		JsonNode listed = new Api(this.port).asStaff().get("/api/applications?status=WITHDRAWN&size=100").json();
		assertThat(listed.path("page").path("totalElements").asLong()).isPositive();
	}

	@Test
	void withdrawingAnEffectiveRejectedOrWithdrawnApplicationIsAConflict() {
		Submitted effective = submit();
		assertThat(approve(effective.id(), today()).text("status")).isEqualTo("EFFECTIVE");
		Submitted rejected = submit();
		assertThat(new Api(this.port).asStaff()
			.post("/api/applications/" + rejected.id() + "/rejection", Map.of("reason", "Outside Europe"))
			.status()).isEqualTo(200);
		Submitted withdrawn = submit();
		assertThat(withdrawAsApplicant(withdrawn, "").status()).isEqualTo(200);

		List<Api.Response> conflicts = List.of(withdrawAsApplicant(effective, ""),
				withdrawAsStaff(effective.id(), Map.of("reason", "Too late")), withdrawAsApplicant(rejected, ""),
				withdrawAsStaff(rejected.id(), Map.of("reason", "Too late")), withdrawAsApplicant(withdrawn, ""),
				withdrawAsStaff(withdrawn.id(), Map.of("reason", "Twice")));

		assertThat(conflicts).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		});
		assertThat(conflicts.get(0).text("currentStatus")).isEqualTo("EFFECTIVE");
		assertThat(conflicts.get(2).text("currentStatus")).isEqualTo("REJECTED");
		assertThat(conflicts.get(4).text("currentStatus")).isEqualTo("WITHDRAWN");
		assertThat(details(effective.id()).path("status").asString()).isEqualTo("EFFECTIVE");
		assertThat(details(withdrawn.id()).path("version").asLong()).isEqualTo(2);
		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_WITHDRAWN,
				List.of(effective.id(), rejected.id(), withdrawn.id()))) {
			assertThat(events.awaitExactlyOne(Duration.ofSeconds(30))).hasSize(1);
		}
	}

	@Test
	void staffMustGiveAReasonOfAtMost2000Characters() {
		Submitted application = submit();

		assertField(withdrawAsStaff(application.id(), ""), "reason");
		assertField(withdrawAsStaff(application.id(), Map.of()), "reason");
		assertField(withdrawAsStaff(application.id(), Map.of("reason", "  ")), "reason");
		assertField(withdrawAsStaff(application.id(), Map.of("reason", "x".repeat(2001))), "reason");
		assertField(withdrawAsApplicant(application, Map.of("reason", "x".repeat(2001))), "reason");
		assertField(withdrawAsStaff(application.id(), Map.of("reason", "Asked", "by", "APPLICANT")), "by");

		assertThat(details(application.id()).path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void aWrongOrMissingTokenAnswersAsTheStatusEndpointDoesForABadToken() {
		Submitted application = submit();
		Submitted other = submit();
		Api anonymous = new Api(this.port);
		String path = "/api/applications/" + application.id();

		Api.Response wrong = anonymous.post(path + "/withdrawal?token=" + application.token().substring(1), "");
		Api.Response statusWrong = anonymous.get(path + "/status?token=" + application.token().substring(1));
		Api.Response missing = anonymous.post(path + "/withdrawal", "");
		Api.Response empty = anonymous.post(path + "/withdrawal?token=", "");
		Api.Response crossed = anonymous.post(path + "/withdrawal?token=" + other.token(), "");
		Api.Response malformed = anonymous.post("/api/applications/not-a-uuid/withdrawal?token=" + other.token(), "");
		Api.Response unknown = anonymous
			.post("/api/applications/" + UUID.randomUUID() + "/withdrawal?token=" + other.token(), "");

		assertThat(List.of(wrong, missing, empty, crossed, malformed, unknown)).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(statusWrong.status()).isEqualTo(404);
			assertThat(withoutInstance(response.body())).isEqualTo(withoutInstance(statusWrong.body()));
		});
		assertThat(details(application.id()).path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(details(other.id()).path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void credentialsMustBeRightAndCarryTheStaffRole() {
		Submitted application = submit();
		String path = "/api/applications/" + application.id() + "/withdrawal";

		Api.Response wrongPassword = new Api(this.port).as("staff", "guessed").post(path, Map.of("reason", "Asked"));
		Api.Response viewer = new Api(this.port).as("viewer", "viewer-password").post(path, Map.of("reason", "Asked"));
		// a valid token does not lend its rights to credentials without the role
		Api.Response viewerWithToken = new Api(this.port).as("viewer", "viewer-password")
			.post(path + "?token=" + application.token(), "");
		Api.Response unknown = new Api(this.port).asStaff()
			.post("/api/applications/" + UUID.randomUUID() + "/withdrawal", Map.of("reason", "Asked"));

		assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(401);
		assertThat(viewer.status()).as(viewer.toString()).isEqualTo(403);
		assertThat(viewerWithToken.status()).as(viewerWithToken.toString()).isEqualTo(403);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(details(application.id()).path("status").asString()).isEqualTo("SUBMITTED");

		// a staff token is staff credentials too
		String token = new Api(this.port).asStaff().post("/api/staff/token", "").text("access_token");
		Api.Response withToken = new Api(this.port).with("Authorization", "Bearer " + token)
			.post(path, Map.of("reason", "Asked by phone"));
		assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
		assertThat(withToken.text("withdrawnBy")).isEqualTo("STAFF");
	}

	@Test
	void aWithdrawalAndARejectionAtOnceGiveExactlyOneOutcome() throws Exception {
		Submitted application = submit();

		List<Api.Response> responses = race(List.of(() -> withdrawAsApplicant(application, ""),
				() -> new Api(this.port).asStaff()
					.post("/api/applications/" + application.id() + "/rejection", Map.of("reason", "Racing")),
				() -> withdrawAsStaff(application.id(), Map.of("reason", "Racing too")),
				() -> new Api(this.port).asStaff()
					.post("/api/applications/" + application.id() + "/rejection", Map.of("reason", "Racing too"))));

		assertThat(responses).extracting(Api.Response::status).containsOnly(200, 409).containsOnlyOnce(200);
		JsonNode details = details(application.id());
		assertThat(details.path("version").asLong()).isEqualTo(2);
		assertThat(details.path("history")).hasSize(2);
		String topic = details.path("status").asString().equals("WITHDRAWN") ? Topics.APPLICATION_WITHDRAWN
				: Topics.APPLICATION_REJECTED;
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(application.id()))) {
			events.awaitExactly(Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, application.id()), 1L,
					KafkaEvents.on(topic, application.id()), 1L), Duration.ofSeconds(30));
		}
	}

	/**
	 * Approvals and withdrawals at once: one withdrawal wins (an approval before it does
	 * not stop it, one after it is 409), at most one approval, and the events tell the
	 * same story as the history, version by version.
	 */
	@Test
	void withdrawalsRacingApprovalsEndWithdrawnWithOneWithdrawalAndAtMostOneApproval() throws Exception {
		Submitted application = submit();
		LocalDate effectiveFrom = today().plusDays(20);
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add((i % 2 == 0) ? () -> approve(application.id(), effectiveFrom)
					: () -> withdrawAsApplicant(application, ""));
		}

		List<Api.Response> responses = race(calls);

		List<Api.Response> approvals = new ArrayList<>();
		List<Api.Response> withdrawals = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			assertThat(responses.get(i).status()).as(responses.get(i).toString()).isIn(200, 409);
			if (responses.get(i).status() == 200) {
				((i % 2 == 0) ? approvals : withdrawals).add(responses.get(i));
			}
		}
		assertThat(withdrawals).hasSize(1);
		assertThat(approvals).hasSizeLessThanOrEqualTo(1);
		long version = approvals.isEmpty() ? 2 : 3;
		assertThat(withdrawals.get(0).json().path("version").asLong()).isEqualTo(version);
		JsonNode details = details(application.id());
		assertThat(details.path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(details.path("version").asLong()).isEqualTo(version);
		assertThat(details.path("history")).hasSize((int) version);
		Map<String, Long> expected = new HashMap<>();
		expected.put(KafkaEvents.on(Topics.APPLICATION_RECEIVED, application.id()), 1L);
		expected.put(KafkaEvents.on(Topics.APPLICATION_WITHDRAWN, application.id()), 1L);
		if (!approvals.isEmpty()) {
			expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, application.id()), 1L);
		}
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(application.id()))) {
			events.awaitExactly(expected, Duration.ofSeconds(30));
			for (Object event : events.readNow()) {
				if (event instanceof ApplicationWithdrawn withdrawn) {
					assertThat(withdrawn.getApplicationVersion()).isEqualTo(version);
				}
				if (event instanceof MemberApproved approved) {
					assertThat(approved.getApplicationVersion()).isEqualTo(2);
				}
			}
		}
	}

	private static List<Api.Response> race(List<Callable<Api.Response>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (Callable<Api.Response> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static void assertField(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).as(response.toString()).contains(field);
	}

	private static String withoutInstance(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\"", "")
			.replaceAll("/api/applications/[^/\"]+(/withdrawal|/status)?", "")
			.replaceAll("\"id\":\"[0-9a-f-]+\"", "");
	}

}
