package org.membership.onboarding.review;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;
import org.membership.stack.testing.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overdue reviews by an injected clock: submitted on a day (Europe/Brussels) at least 14
 * days before today is overdue;
 * {@code GET /api/applications?status=SUBMITTED&overdue=true} returns only those,
 * {@code overdue} with another status is 400 naming it, and the console marks and filters
 * them in words.
 */
@OnboardingIntegrationTest
class OverdueReviewsIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ReviewDigest digest;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private static Instant brussels(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant();
	}

	private UUID submitAt(Instant at) {
		this.clock.set(at);
		Api.Response response = new Api(this.port).post("/api/applications", SampleApplications.clujItCluster());
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.text("id"));
	}

	/** Every summary of the list, walking its pages, by id. */
	private Map<UUID, JsonNode> list(String query) {
		Map<UUID, JsonNode> summaries = new LinkedHashMap<>();
		Api staff = new Api(this.port).asStaff();
		for (int page = 0;; page++) {
			Api.Response response = staff.get("/api/applications?size=100&page=" + page + "&" + query);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			response.json()
				.path("content")
				.forEach((item) -> summaries.put(UUID.fromString(item.path("id").asString()), item));
			if (page + 1 >= response.json().path("page").path("totalPages").asInt()) {
				return summaries;
			}
		}
	}

	@Test
	void submittedOnADayAtLeastTheReviewTimeBeforeTodayInTheAssociationsTimeZoneIsOverdue() {
		// today is 20 March 2021 in Brussels; 14 days before is 6 March
		UUID lastOverdueDay = submitAt(brussels("2021-03-06T23:59:00"));
		// 7 March 00:30 in Brussels, still 6 March in UTC: the association's day counts
		UUID dayAfter = submitAt(brussels("2021-03-07T00:30:00"));
		UUID decided = submitAt(brussels("2021-03-01T10:00:00"));
		this.clock.set(brussels("2021-03-20T10:00:00"));
		Api.Response approval = new Api(this.port).asStaff()
			.post("/api/applications/" + decided + "/approval", Map.of("tier", "FULL", "effectiveFrom", "2021-06-01"));
		assertThat(approval.status()).as(approval.toString()).isEqualTo(200);

		Map<UUID, JsonNode> overdue = list("status=SUBMITTED&overdue=true");
		assertThat(overdue).containsKey(lastOverdueDay).doesNotContainKeys(dayAfter, decided);
		assertThat(overdue.get(lastOverdueDay).path("overdue").asBoolean()).isTrue();
		assertThat(overdue.get(lastOverdueDay).path("daysWaiting").asLong()).isEqualTo(14);
		assertThat(overdue.values()).allSatisfy((summary) -> {
			assertThat(summary.path("status").asString()).isEqualTo("SUBMITTED");
			assertThat(summary.path("overdue").asBoolean()).isTrue();
		});
		assertThat(list("overdue=true").keySet()).as("overdue alone means submitted and overdue")
			.isEqualTo(overdue.keySet());
		Map<UUID, JsonNode> notOverdue = list("status=SUBMITTED&overdue=false");
		assertThat(notOverdue).containsKey(dayAfter).doesNotContainKeys(lastOverdueDay, decided);
		assertThat(notOverdue.get(dayAfter).path("daysWaiting").asLong()).isEqualTo(13);
		Map<UUID, JsonNode> submitted = list("status=SUBMITTED");
		assertThat(submitted).containsKeys(lastOverdueDay, dayAfter);
		assertThat(submitted.get(dayAfter).path("overdue").asBoolean()).isFalse();
		assertThat(list("status=APPROVED").get(decided).has("daysWaiting")).isFalse();

		// at local midnight the next one is due
		this.clock.set(brussels("2021-03-21T00:00:01"));
		assertThat(list("status=SUBMITTED&overdue=true")).containsKeys(lastOverdueDay, dayAfter);
		assertThat(list("status=SUBMITTED&overdue=true").get(lastOverdueDay).path("daysWaiting").asLong())
			.isEqualTo(15);
	}

	@Test
	void overdueWithAnotherStatusOrNotABooleanIsA400NamingIt() {
		Api staff = new Api(this.port).asStaff();
		for (String query : List.of("status=APPROVED&overdue=true", "status=REJECTED&overdue=false",
				"status=SUBMITTED&overdue=maybe")) {
			Api.Response response = staff.get("/api/applications?" + query);

			assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			List<String> fields = new ArrayList<>();
			response.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			assertThat(fields).as(query).containsExactly("overdue");
		}
		assertThat(new Api(this.port).get("/api/applications?status=SUBMITTED&overdue=true").status()).as("staff only")
			.isEqualTo(401);
	}

	@Test
	void theConsoleMarksOverdueApplicationsInWordsAndFiltersThem() {
		String marker = UUID.randomUUID().toString();
		Map<String, Object> application = SampleApplications.clujItCluster();
		SampleApplications.organisation(application).put("name", "Overdue Org " + marker.substring(0, 8));
		this.clock.set(brussels("2019-05-01T12:00:00"));
		UUID overdue = UUID.fromString(new Api(this.port).post("/api/applications", application).text("id"));
		UUID recent = submitAt(brussels("2019-05-20T12:00:00"));
		this.clock.set(brussels("2019-05-21T09:00:00"));
		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);

		String onlyOverdue = staff.get("/staff?overdue=true").body();
		assertThat(onlyOverdue).contains("/staff/applications/" + overdue)
			.doesNotContain("/staff/applications/" + recent)
			.contains("overdue — waiting 20 days")
			.contains("Overdue: awaiting a decision for 14 days or longer")
			.containsPattern("<input type=\"checkbox\" id=\"overdue\" name=\"overdue\" value=\"true\" checked");
		String all = staff.get("/staff?status=SUBMITTED").body();
		assertThat(all).contains("/staff/applications/" + recent).contains("<label for=\"overdue\"");
		assertThat(staff.get("/staff/applications/" + overdue).body()).contains("overdue — waiting 20 days");
		assertThat(staff.get("/staff/applications/" + recent).body()).doesNotContain("overdue — waiting");
	}

	@Test
	void withoutAStaffAddressNoDigestIsSent() {
		this.clock.set(brussels("2021-03-20T10:00:00"));

		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.DISABLED);
	}

}
