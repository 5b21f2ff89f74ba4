package org.membership.onboarding.decision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

import org.membership.events.ApplicationRejected;
import org.membership.events.MemberApproved;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@OnboardingIntegrationTest
class DecisionIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	private int port;

	/**
	 * Submits in the trace {@code traceId}, as a caller sending W3C trace context does.
	 */
	private UUID submit(String traceId) {
		Api.Response response = new Api(this.port).with("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.post("/api/applications", SampleApplications.clujItCluster());
		assertThat(response.status()).isEqualTo(201);
		return UUID.fromString(response.text("id"));
	}

	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static LocalDate today() {
		return LocalDate.now(BRUSSELS);
	}

	private Api.Response approve(UUID id, Object body) {
		return new Api(this.port).asStaff().post("/api/applications/" + id + "/approval", body);
	}

	private Api.Response reject(UUID id, String reason) {
		return new Api(this.port).asStaff().post("/api/applications/" + id + "/rejection", Map.of("reason", reason));
	}

	@Test
	void anApprovalAnswersApprovedAndPublishesMemberApprovedWithTheOrganisationSnapshot() {
		String traceId = newTraceId();
		UUID id = submit(traceId);
		LocalDate effectiveFrom = today().plusMonths(1);

		Api.Response response = approve(id,
				Map.of("tier", "FULL", "effectiveFrom", effectiveFrom.toString(), "note", "Welcome aboard"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("id")).isEqualTo(id.toString());
		assertThat(response.text("status")).isEqualTo("APPROVED");
		assertThat(response.json().path("version").asLong()).isEqualTo(2);
		assertThat(response.text("tier")).isEqualTo("FULL");
		assertThat(response.text("effectiveFrom")).isEqualTo(effectiveFrom.toString());
		try (KafkaEvents events = KafkaEvents.of(Topics.MEMBER_APPROVED, id)) {
			MemberApproved approved = events.awaitFirst(Duration.ofSeconds(30));
			assertThat(approved.getApplicationVersion()).isEqualTo(2);
			assertThat(approved.getTier()).isEqualTo("FULL");
			assertThat(approved.getEffectiveFrom()).isEqualTo(effectiveFrom);
			assertThat(approved.getApprovedBy()).isEqualTo("staff");
			assertThat(approved.getNote()).isEqualTo("Welcome aboard");
			assertThat(approved.getOrganisation().getName()).isEqualTo("CLUJ IT Cluster");
			assertThat(approved.getOrganisation().getCity()).isEqualTo("Cluj-Napoca");
		}
		String correlationId = new Api(this.port).asStaff().get("/api/applications/" + id).text("correlationId");
		try (KafkaEvents events = KafkaEvents.of(Topics.MEMBER_APPROVED, id)) {
			assertThat(events.<MemberApproved>awaitFirst(Duration.ofSeconds(30)).getCorrelationId())
				.isEqualTo(correlationId)
				.isEqualTo(traceId);
		}
	}

	@Test
	void aRejectionAnswersRejectedAndPublishesApplicationRejected() {
		String traceId = newTraceId();
		UUID id = submit(traceId);

		Api.Response response = new Api(this.port).as("clerk", "viewer-password")
			.post("/api/applications/" + id + "/rejection", Map.of("reason", "Not based in Europe"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("REJECTED");
		assertThat(response.text("reason")).isEqualTo("Not based in Europe");
		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_REJECTED, id)) {
			ApplicationRejected rejected = events.awaitFirst(Duration.ofSeconds(30));
			assertThat(rejected.getReason()).isEqualTo("Not based in Europe");
			assertThat(rejected.getRejectedBy()).isEqualTo("clerk");
			assertThat(rejected.getApplicationVersion()).isEqualTo(2);
			assertThat(rejected.getCorrelationId()).isEqualTo(traceId);
		}
	}

	@Test
	void decidingADecidedApplicationIsAConflict() {
		UUID approved = submit(newTraceId());
		assertThat(approve(approved, Map.of("tier", "FULL", "effectiveFrom", today().plusDays(10).toString())).status())
			.isEqualTo(200);
		UUID rejected = submit(newTraceId());
		assertThat(reject(rejected, "Duplicate application").status()).isEqualTo(200);

		Api.Response approveAgain = approve(approved,
				Map.of("tier", "ASSOCIATE", "effectiveFrom", today().plusDays(10).toString()));
		Api.Response rejectApproved = reject(approved, "Changed our mind");
		Api.Response approveRejected = approve(rejected,
				Map.of("tier", "FULL", "effectiveFrom", today().plusDays(10).toString()));
		Api.Response rejectAgain = reject(rejected, "Twice");

		assertThat(List.of(approveAgain, rejectApproved, approveRejected, rejectAgain)).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		});
		assertThat(new Api(this.port).asStaff().get("/api/applications/" + approved).text("status"))
			.isEqualTo("APPROVED");
		assertThat(new Api(this.port).asStaff().get("/api/applications/" + rejected).text("status"))
			.isEqualTo("REJECTED");
	}

	@Test
	void concurrentApprovalsGiveExactlyOneSuccessAndConflictsForTheRest() throws Exception {
		UUID id = submit(newTraceId());
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			String tier = (i % 2 == 0) ? "FULL" : "ASSOCIATE";
			calls.add(() -> {
				start.await();
				return (tier.equals("FULL"))
						? approve(id, Map.of("tier", tier, "effectiveFrom", today().plusDays(20).toString()))
						: reject(id, "Racing rejection");
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		List<Api.Response> responses = new ArrayList<>();
		try {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (Callable<Api.Response> call : calls) {
				futures.add(pool.submit(call));
			}
			start.countDown();
			for (Future<Api.Response> future : futures) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(responses).extracting(Api.Response::status).containsOnly(200, 409).containsOnlyOnce(200);
		JsonNode details = new Api(this.port).asStaff().get("/api/applications/" + id).json();
		assertThat(details.path("version").asLong()).isEqualTo(2);
		assertThat(details.path("history")).hasSize(2);
		String winner = details.path("status").asString();
		String topic = winner.equals("APPROVED") ? Topics.MEMBER_APPROVED : Topics.APPLICATION_REJECTED;
		// every topic: the losers must not have published on the other one either
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(id))) {
			events.awaitExactly(
					Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L, KafkaEvents.on(topic, id), 1L),
					Duration.ofSeconds(30));
		}
	}

	@Test
	void effectiveFromMayLieAtMostTwoYearsAhead() {
		UUID id = submit(newTraceId());

		Api.Response tooLate = approve(id,
				Map.of("tier", "FULL", "effectiveFrom", today().plusYears(2).plusDays(1).toString()));
		assertThat(tooLate.status()).isEqualTo(400);
		assertThat(tooLate.json().path("errors").get(0).path("field").asString()).isEqualTo("effectiveFrom");

		Api.Response latest = approve(id, Map.of("tier", "FULL", "effectiveFrom", today().plusYears(2).toString()));
		assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
	}

	@Test
	void invalidDecisionsAnswerProblemDetailsNamingTheField() {
		UUID id = submit(newTraceId());

		assertField(approve(id, Map.of("tier", "GOLD", "effectiveFrom", today().toString())), "tier");
		assertField(approve(id, Map.of("tier", "FULL")), "effectiveFrom");
		assertField(approve(id, Map.of("tier", "FULL", "effectiveFrom", "next monday")), "effectiveFrom");
		assertField(approve(id, Map.of("tier", "FULL", "effectiveFrom", today().toString(), "status", "EFFECTIVE")),
				"status");
		assertField(reject(id, " "), "reason");
		assertThat(new Api(this.port).asStaff().get("/api/applications/" + id).text("status")).isEqualTo("SUBMITTED");
	}

	@Test
	void decidingAnUnknownApplicationIsNotFound() {
		UUID unknown = UUID.randomUUID();

		assertThat(approve(unknown, Map.of("tier", "FULL", "effectiveFrom", today().toString())).status())
			.isEqualTo(404);
		assertThat(reject(unknown, "No such thing").status()).isEqualTo(404);
		assertThat(new Api(this.port).asStaff().get("/api/applications/" + unknown).status()).isEqualTo(404);
	}

	@Test
	void theDetailsShowEveryStateChangeWithWhoAndWhen() {
		UUID id = submit(newTraceId());
		approve(id, Map.of("tier", "ASSOCIATE", "effectiveFrom", today().plusDays(3).toString()));

		JsonNode details = new Api(this.port).asStaff().get("/api/applications/" + id).json();

		assertThat(details.path("status").asString()).isEqualTo("APPROVED");
		assertThat(details.path("organisation").path("name").asString()).isEqualTo("CLUJ IT Cluster");
		assertThat(details.path("contact").path("email").asString()).isEqualTo("andrei.kelemen@example.org");
		assertThat(details.path("decision").path("tier").asString()).isEqualTo("ASSOCIATE");
		JsonNode history = details.path("history");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(history.get(0).path("by").asString()).isEqualTo("applicant");
		assertThat(history.get(0).path("at").asString()).isNotBlank();
		assertThat(history.get(1).path("status").asString()).isEqualTo("APPROVED");
		assertThat(history.get(1).path("by").asString()).isEqualTo("staff");
		assertThat(history.get(1).path("version").asLong()).isEqualTo(2);
	}

	@Test
	void theListIsPagedAndFilteredByStatus() {
		UUID id = submit(newTraceId());
		reject(id, "Listed as rejected");

		JsonNode first = new Api(this.port).asStaff().get("/api/applications?status=REJECTED&size=2").json();

		assertThat(first.path("page").path("size").asInt()).isEqualTo(2);
		assertThat(first.path("page").path("number").asInt()).isZero();
		long total = first.path("page").path("totalElements").asLong();
		int pages = first.path("page").path("totalPages").asInt();
		assertThat(total).isPositive();
		assertThat(pages).isEqualTo((int) ((total + 1) / 2));
		List<String> ids = new ArrayList<>();
		for (int page = 0; page < pages; page++) {
			JsonNode content = new Api(this.port).asStaff()
				.get("/api/applications?status=REJECTED&size=2&page=" + page)
				.json()
				.path("content");
			content.forEach((summary) -> {
				assertThat(summary.path("status").asString()).isEqualTo("REJECTED");
				ids.add(summary.path("id").asString());
			});
		}
		assertThat(ids).contains(id.toString()).hasSize((int) total);
		assertThat(new Api(this.port).asStaff().get("/api/applications?status=PENDING").status()).isEqualTo(400);
	}

	private static void assertField(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).as(response.toString()).contains(field);
	}

}
