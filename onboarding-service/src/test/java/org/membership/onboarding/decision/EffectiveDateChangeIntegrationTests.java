package org.membership.onboarding.decision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.EffectiveDateChanged;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.membership.onboarding.decision.WithdrawalIntegrationTests.assertField;

/**
 * {@code POST /api/applications/{id}/effective-date} (STAFF): a new date for an approved
 * application under the rules of an approval, published once as EffectiveDateChanged.
 */
@OnboardingIntegrationTest
class EffectiveDateChangeIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	private int port;

	private static LocalDate today() {
		return LocalDate.now(BRUSSELS);
	}

	private UUID submit() {
		Api.Response response = new Api(this.port).post("/api/applications", SampleApplications.clujItCluster());
		assertThat(response.status()).isEqualTo(201);
		return UUID.fromString(response.text("id"));
	}

	private UUID approved(LocalDate effectiveFrom) {
		UUID id = submit();
		Api.Response approval = new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/approval",
					Map.of("tier", "ASSOCIATE", "effectiveFrom", effectiveFrom.toString()));
		assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
		return id;
	}

	private Api.Response change(UUID id, Object body) {
		return change(new Api(this.port).asStaff(), id, body);
	}

	private static Api.Response change(Api api, UUID id, Object body) {
		return api.post("/api/applications/" + id + "/effective-date", body);
	}

	private JsonNode details(UUID id) {
		return new Api(this.port).asStaff().get("/api/applications/" + id).json();
	}

	@Test
	void staffMoveTheDateOfAnApprovalPublishingEffectiveDateChangedOnceWithTheApprovalsSnapshot() {
		LocalDate approvedFor = today().plusDays(10);
		LocalDate movedTo = today().plusDays(40);
		UUID id = approved(approvedFor);

		Api.Response response = change(id,
				Map.of("effectiveFrom", movedTo.toString(), "reason", "The board decided on the later date"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("APPROVED");
		assertThat(response.text("effectiveFrom")).isEqualTo(movedTo.toString());
		assertThat(response.json().path("version").asLong()).isEqualTo(3);
		JsonNode details = details(id);
		assertThat(details.path("decision").path("effectiveFrom").asString()).isEqualTo(movedTo.toString());
		assertThat(details.path("decision").path("tier").asString()).isEqualTo("ASSOCIATE");
		JsonNode change = details.path("history").get(2);
		assertThat(change.path("status").asString()).isEqualTo("APPROVED");
		assertThat(change.path("by").asString()).isEqualTo("staff");
		assertThat(change.path("detail").asString()).contains(movedTo.toString(), approvedFor.toString(),
				"The board decided on the later date");
		try (KafkaEvents events = KafkaEvents.of(Topics.EFFECTIVE_DATE_CHANGED, id)) {
			EffectiveDateChanged changed = (EffectiveDateChanged) events.awaitExactlyOne(Duration.ofSeconds(30)).get(0);
			assertThat(changed.getPreviousEffectiveFrom()).isEqualTo(approvedFor);
			assertThat(changed.getEffectiveFrom()).isEqualTo(movedTo);
			assertThat(changed.getReason()).isEqualTo("The board decided on the later date");
			assertThat(changed.getChangedBy()).isEqualTo("staff");
			assertThat(changed.getTier()).isEqualTo("ASSOCIATE");
			assertThat(changed.getOrganisation().getName()).isEqualTo("CLUJ IT Cluster");
			assertThat(changed.getApplicationVersion()).isEqualTo(3);
			assertThat(changed.getCorrelationId()).isEqualTo(details.path("correlationId").asString());
		}
	}

	@Test
	void aDateMovedToTodayTakesEffectAtOnceAsAnApprovalForTodayDoes() {
		UUID id = approved(today().plusDays(10));

		Api.Response response = change(id, Map.of("effectiveFrom", today().toString(), "reason", "Brought forward"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("EFFECTIVE");
		assertThat(response.json().path("version").asLong()).isEqualTo(4);
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(id))) {
			events.awaitExactly(Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L,
					KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L, KafkaEvents.on(Topics.EFFECTIVE_DATE_CHANGED, id),
					1L, KafkaEvents.on(Topics.MEMBERSHIP_EFFECTIVE, id), 1L), Duration.ofSeconds(30));
			MembershipEffective effective = events.readNow()
				.stream()
				.filter(MembershipEffective.class::isInstance)
				.map(MembershipEffective.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(effective.getEffectiveFrom()).isEqualTo(today());
			assertThat(effective.getApplicationVersion()).isEqualTo(4);
		}
	}

	@Test
	void aDateInThePastTakesEffectAtOnceToo() {
		UUID id = approved(today().plusDays(10));

		Api.Response response = change(id,
				Map.of("effectiveFrom", today().minusDays(30).toString(), "reason", "Backdated by the board"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("EFFECTIVE");
		assertThat(response.text("effectiveFrom")).isEqualTo(today().minusDays(30).toString());
	}

	@Test
	void badDatesAndReasonsAnswerProblemDetailsNamingTheField() {
		LocalDate approvedFor = today().plusDays(10);
		UUID id = approved(approvedFor);

		assertField(change(id, Map.of("effectiveFrom", approvedFor.toString(), "reason", "Same")), "effectiveFrom");
		assertField(change(id, Map.of("effectiveFrom", today().plusYears(2).plusDays(1).toString(), "reason", "Far")),
				"effectiveFrom");
		assertField(change(id, Map.of("reason", "No date")), "effectiveFrom");
		assertField(change(id, Map.of("effectiveFrom", "next monday", "reason", "Vague")), "effectiveFrom");
		assertField(change(id, Map.of("effectiveFrom", today().plusDays(20).toString())), "reason");
		assertField(change(id, Map.of("effectiveFrom", today().plusDays(20).toString(), "reason", " ")), "reason");
		assertField(change(id, Map.of("effectiveFrom", today().plusDays(20).toString(), "reason", "x".repeat(2001))),
				"reason");
		assertField(
				change(id, Map.of("effectiveFrom", today().plusDays(20).toString(), "reason", "Why", "tier", "FULL")),
				"tier");

		JsonNode details = details(id);
		assertThat(details.path("version").asLong()).isEqualTo(2);
		assertThat(details.path("decision").path("effectiveFrom").asString()).isEqualTo(approvedFor.toString());
	}

	@Test
	void onlyAnApprovedApplicationGetsANewDate() {
		UUID submitted = submit();
		UUID effective = approved(today());
		UUID rejected = submit();
		new Api(this.port).asStaff()
			.post("/api/applications/" + rejected + "/rejection", Map.of("reason", "Outside Europe"));
		UUID withdrawn = approved(today().plusDays(5));
		new Api(this.port).asStaff()
			.post("/api/applications/" + withdrawn + "/withdrawal", Map.of("reason", "Asked by e-mail"));
		Map<String, String> body = Map.of("effectiveFrom", today().plusDays(30).toString(), "reason", "Moved");

		for (UUID id : List.of(submitted, effective, rejected, withdrawn)) {
			Api.Response response = change(id, body);
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.text("currentStatus")).isEqualTo(details(id).path("status").asString());
		}
		assertThat(change(UUID.randomUUID(), body).status()).isEqualTo(404);
		try (KafkaEvents events = KafkaEvents.of(Topics.EFFECTIVE_DATE_CHANGED,
				List.of(submitted, effective, rejected, withdrawn))) {
			// a marker change after the refused ones: the only event read
			UUID marker = approved(today().plusDays(5));
			assertThat(change(marker, body).status()).isEqualTo(200);
			try (KafkaEvents markers = KafkaEvents.of(Topics.EFFECTIVE_DATE_CHANGED, marker)) {
				markers.awaitFirst(Duration.ofSeconds(30));
			}
			assertThat(events.readNow()).isEmpty();
		}
	}

	@Test
	void onlyStaffMoveADate() {
		UUID id = approved(today().plusDays(10));
		String token = new Api(this.port).post("/api/applications", SampleApplications.clujItCluster())
			.text("statusUrl")
			.replaceAll(".*token=", "");
		Map<String, String> body = Map.of("effectiveFrom", today().plusDays(20).toString(), "reason", "Moved");

		Api.Response anonymous = change(new Api(this.port), id, body);
		Api.Response withToken = new Api(this.port).post("/api/applications/" + id + "/effective-date?token=" + token,
				body);
		Api.Response wrongPassword = change(new Api(this.port).as("staff", "guessed"), id, body);
		Api.Response viewer = change(new Api(this.port).as("viewer", "viewer-password"), id, body);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(withToken.status()).as("a status token is no staff credential").isEqualTo(401);
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(viewer.status()).isEqualTo(403);
		assertThat(details(id).path("version").asLong()).isEqualTo(2);
	}

	/**
	 * Changes at once are never lost: one that overlaps a winner is 409, one that comes
	 * after it changes the winner's date; the events chain, each previous date the one
	 * before it, the versions one by one.
	 */
	@Test
	void changesAtOnceLoseNoneAndChainTheirPreviousDates() throws Exception {
		LocalDate approvedFor = today().plusDays(10);
		UUID id = approved(approvedFor);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Api.Response> responses = new ArrayList<>();
		try {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				LocalDate date = today().plusDays(20 + i);
				futures.add(pool.submit(() -> {
					start.await();
					return change(id, Map.of("effectiveFrom", date.toString(), "reason", "Racing " + date));
				}));
			}
			start.countDown();
			for (Future<Api.Response> future : futures) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.status()).as(response.toString()).isIn(200, 409));
		assertThat(responses).extracting(Api.Response::status).contains(200);
		List<Api.Response> changes = responses.stream().filter((response) -> response.status() == 200).toList();
		JsonNode details = details(id);
		assertThat(details.path("version").asLong()).isEqualTo(2 + changes.size());
		assertThat(details.path("history")).hasSize(2 + changes.size());
		assertThat(changes).extracting((response) -> response.json().path("version").asLong()).doesNotHaveDuplicates();
		try (KafkaEvents events = KafkaEvents.of(Topics.EFFECTIVE_DATE_CHANGED, id)) {
			events.awaitExactly(Map.of(KafkaEvents.on(Topics.EFFECTIVE_DATE_CHANGED, id), (long) changes.size()),
					Duration.ofSeconds(30));
			List<EffectiveDateChanged> chain = events.readNow()
				.stream()
				.map(EffectiveDateChanged.class::cast)
				.sorted(Comparator.comparingLong(EffectiveDateChanged::getApplicationVersion))
				.toList();
			LocalDate previous = approvedFor;
			long version = 3;
			for (EffectiveDateChanged changed : chain) {
				assertThat(changed.getApplicationVersion()).isEqualTo(version++);
				assertThat(changed.getPreviousEffectiveFrom()).isEqualTo(previous);
				previous = changed.getEffectiveFrom();
			}
			assertThat(details.path("decision").path("effectiveFrom").asString()).isEqualTo(previous.toString());
		}
	}

}
