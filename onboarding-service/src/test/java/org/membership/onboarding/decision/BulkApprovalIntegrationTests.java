package org.membership.onboarding.decision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@OnboardingIntegrationTest
class BulkApprovalIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private UUID submit() {
		Api.Response response = new Api(this.port).post("/api/applications", SampleApplications.clujItCluster());
		assertThat(response.status()).isEqualTo(201);
		return UUID.fromString(response.text("id"));
	}

	private static LocalDate today() {
		return LocalDate.now(BRUSSELS);
	}

	private static Map<String, Object> item(UUID id, String tier, LocalDate effectiveFrom) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", id.toString());
		item.put("tier", tier);
		item.put("effectiveFrom", effectiveFrom.toString());
		return item;
	}

	private Api.Response approveAll(Object items) {
		return new Api(this.port).asStaff().post("/api/applications/approvals", items);
	}

	private String status(UUID id) {
		return new Api(this.port).asStaff().get("/api/applications/" + id).text("status");
	}

	@Test
	void aMixedBatchAnswersAResultPerItemInOrderAndPublishesOnlyTheGoodOnes() {
		UUID later = submit();
		UUID now = submit();
		UUID unknown = UUID.randomUUID();
		UUID badTier = submit();
		UUID decided = submit();
		assertThat(new Api(this.port).asStaff()
			.post("/api/applications/" + decided + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", today().plusDays(5).toString()))
			.status()).isEqualTo(200);
		Map<String, Object> withNote = item(later, "FULL", today().plusMonths(1));
		withNote.put("note", "Imported member");

		Api.Response response = approveAll(List.of(withNote, item(now, "ASSOCIATE", today().minusYears(3)),
				item(unknown, "FULL", today()), item(badTier, "GOLD", today()), item(decided, "FULL", today())));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode results = response.json();
		assertThat(results).hasSize(5);
		assertThat(results.get(0).path("id").asString()).isEqualTo(later.toString());
		assertThat(results.get(0).path("status").asString()).isEqualTo("APPROVED");
		assertThat(results.get(0).has("problem")).isFalse();
		assertThat(results.get(1).path("status").asString()).isEqualTo("EFFECTIVE");
		assertProblem(results.get(2), unknown, 404, "not-found");
		assertProblem(results.get(3), badTier, 400, "invalid-input");
		assertThat(results.get(3).path("problem").path("errors").get(0).path("field").asString()).isEqualTo("tier");
		assertProblem(results.get(4), decided, 409, "already-decided");
		assertThat(status(later)).isEqualTo("APPROVED");
		assertThat(status(now)).isEqualTo("EFFECTIVE");
		assertThat(status(badTier)).isEqualTo("SUBMITTED");
		assertThat(status(decided)).isEqualTo("APPROVED");
		// every topic, once for all: what must be there exactly once, nothing else
		Map<String, Long> expected = new HashMap<>();
		for (UUID id : List.of(later, now, badTier, decided)) {
			expected.put(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L);
		}
		expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, later), 1L);
		expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, now), 1L);
		expected.put(KafkaEvents.on(Topics.MEMBERSHIP_EFFECTIVE, now), 1L);
		expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, decided), 1L);
		List<Object> records = exactly(expected, later, now, unknown, badTier, decided);
		assertThat(this.<MemberApproved>only(records, MemberApproved.class, later).getNote())
			.isEqualTo("Imported member");
		assertThat(this.<MemberApproved>only(records, MemberApproved.class, now).getTier()).isEqualTo("ASSOCIATE");
		assertThat(this.<MembershipEffective>only(records, MembershipEffective.class, now).getEffectiveFrom())
			.isEqualTo(today().minusYears(3));
		assertThat(this.<MemberApproved>only(records, MemberApproved.class, decided).getTier()).isEqualTo("FULL");
	}

	@Test
	void theSecondOccurrenceOfAnIdInABatchIsAlreadyDecided() {
		UUID id = submit();

		Api.Response response = approveAll(
				List.of(item(id, "FULL", today().plusDays(7)), item(id, "ASSOCIATE", today().plusDays(7))));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get(0).path("status").asString()).isEqualTo("APPROVED");
		assertProblem(response.json().get(1), id, 409, "already-decided");
		List<Object> records = exactly(Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L,
				KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L), id);
		assertThat(this.<MemberApproved>only(records, MemberApproved.class, id).getTier()).isEqualTo("FULL");
	}

	@Test
	void aBatchRacingSingleApprovalsApprovesEachApplicationExactlyOnce() throws Exception {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(submit());
		}
		List<Map<String, Object>> batch = ids.stream().map((id) -> item(id, "FULL", today().plusDays(9))).toList();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(ids.size() + 1);
		Api.Response batchResponse;
		List<Api.Response> singles = new ArrayList<>();
		try {
			Future<Api.Response> batchCall = pool.submit(() -> {
				start.await();
				return approveAll(batch);
			});
			List<Future<Api.Response>> singleCalls = new ArrayList<>();
			for (UUID id : ids) {
				singleCalls.add(pool.submit(() -> {
					start.await();
					return new Api(this.port).asStaff()
						.post("/api/applications/" + id + "/approval",
								Map.of("tier", "ASSOCIATE", "effectiveFrom", today().plusDays(9).toString()));
				}));
			}
			start.countDown();
			batchResponse = batchCall.get();
			for (Future<Api.Response> call : singleCalls) {
				singles.add(call.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(batchResponse.status()).as(batchResponse.toString()).isEqualTo(200);
		Map<String, Long> expected = new HashMap<>();
		for (UUID id : ids) {
			expected.put(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L);
			expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L);
		}
		List<Object> records = exactly(expected, ids.toArray(UUID[]::new));
		for (int i = 0; i < ids.size(); i++) {
			JsonNode result = batchResponse.json().get(i);
			boolean batchWon = result.path("status").asString().equals("APPROVED");
			boolean singleWon = singles.get(i).status() == 200;
			assertThat(batchWon ^ singleWon).as(result + " / " + singles.get(i)).isTrue();
			if (!batchWon) {
				assertThat(result.path("problem").path("status").asInt()).isEqualTo(409);
			}
			else {
				assertThat(singles.get(i).status()).isEqualTo(409);
			}
			MemberApproved approved = only(records, MemberApproved.class, ids.get(i));
			assertThat(approved.getTier()).isEqualTo(batchWon ? "FULL" : "ASSOCIATE");
		}
	}

	@Test
	void aBatchOfMoreThanAThousandItemsOrNoneIsRefusedAndChangesNothing() {
		UUID id = submit();
		List<Map<String, Object>> items = new ArrayList<>();
		items.add(item(id, "FULL", today()));
		for (int i = 0; i < 1000; i++) {
			items.add(Map.of("id", UUID.randomUUID().toString()));
		}

		Api.Response tooMany = approveAll(items);
		Api.Response none = approveAll(List.of());

		for (Api.Response response : List.of(tooMany, none)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().path("type").asString()).isEqualTo("urn:membership:problem:invalid-input");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("body");
		}
		assertThat(tooMany.text("detail")).contains("at most 1000");
		assertThat(status(id)).isEqualTo("SUBMITTED");
		exactly(Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L), id);
	}

	@Test
	void unknownFieldsRefuseTheWholeBody() {
		UUID id = submit();
		Map<String, Object> item = item(id, "FULL", today());
		item.put("status", "EFFECTIVE");

		Api.Response response = approveAll(List.of(item));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("[0].status");
		assertThat(status(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void aBatchWithoutCredentialsIsUnauthorized() {
		UUID id = submit();

		Api.Response response = new Api(this.port).post("/api/applications/approvals",
				List.of(item(id, "FULL", today())));

		assertThat(response.status()).isEqualTo(401);
		assertThat(status(id)).isEqualTo("SUBMITTED");
	}

	private static void assertProblem(JsonNode result, UUID id, int status, String slug) {
		assertThat(result.path("id").asString()).isEqualTo(id.toString());
		assertThat(result.has("status")).as(result.toString()).isFalse();
		JsonNode problem = result.path("problem");
		assertThat(problem.path("status").asInt()).as(result.toString()).isEqualTo(status);
		assertThat(problem.path("type").asString()).isEqualTo("urn:membership:problem:" + slug);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	/**
	 * The events of these applications on every topic, once their counts per topic and
	 * application are exactly {@code expected} and stayed so for a quiet window.
	 */
	private static List<Object> exactly(Map<String, Long> expected, UUID... ids) {
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(ids))) {
			events.awaitExactly(expected, EVENT_WAIT);
			return events.readNow();
		}
	}

	@SuppressWarnings("unchecked")
	private <T> T only(List<Object> records, Class<?> type, UUID id) {
		List<Object> matching = records.stream()
			.filter((record) -> type.isInstance(record) && String.valueOf(applicationId(record)).equals(id.toString()))
			.toList();
		assertThat(matching).hasSize(1);
		return (T) matching.get(0);
	}

	private static Object applicationId(Object record) {
		SpecificRecord avro = (SpecificRecord) record;
		return avro.get(avro.getSchema().getField("applicationId").pos());
	}

}
