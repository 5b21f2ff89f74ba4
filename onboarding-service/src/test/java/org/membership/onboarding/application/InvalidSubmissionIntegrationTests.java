package org.membership.onboarding.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.membership.events.ApplicationReceived;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.membership.onboarding.support.SampleApplications.contact;
import static org.membership.onboarding.support.SampleApplications.organisation;
import static org.membership.onboarding.support.SampleApplications.statement;

/**
 * Bad input never half-happens: every kind of bad submission answers 4xx problem details
 * (naming the field where there is one), stores no row and publishes no event.
 */
@OnboardingIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvalidSubmissionIntegrationTests {

	/** The marker of every bad submission sent, looked for on the topics at the end. */
	private static final Set<String> markers = ConcurrentHashMap.newKeySet();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	/**
	 * One kind of bad input.
	 *
	 * @param name what is wrong
	 * @param status the expected answer
	 * @param field the field the problem must name, or null
	 * @param request builds the request from a valid application (with the marker)
	 */
	record BadInput(String name, int status, String field, Request request) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A request to send, given a valid application. */
	interface Request {

		Api.Response send(Api api, Map<String, Object> valid);

	}

	static BadInput json(String name, String field, Consumer<Map<String, Object>> change) {
		return new BadInput(name, 400, field, (api, valid) -> {
			change.accept(valid);
			return api.post("/api/applications", valid);
		});
	}

	static BadInput raw(String name, int status, String contentType, String body) {
		return new BadInput(name, status, null,
				(api, valid) -> api.post("/api/applications", contentType, body.getBytes(StandardCharsets.UTF_8)));
	}

	static Stream<Arguments> badInputs() {
		return Stream
			.of(json("no organisation", "organisation", (a) -> a.remove("organisation")),
					json("no organisation name", "organisation.name", (a) -> organisation(a).remove("name")),
					json("blank organisation name", "organisation.name", (a) -> organisation(a).put("name", "   ")),
					json("organisation name over 200 characters", "organisation.name",
							(a) -> organisation(a).put("name", "x".repeat(201))),
					json("organisation name with a line break", "organisation.name",
							(a) -> organisation(a).put("name", "CLUJ\nIT")),
					json("no country", "organisation.country", (a) -> organisation(a).remove("country")),
					json("country that does not exist", "organisation.country",
							(a) -> organisation(a).put("country", "XX")),
					json("country in lower case", "organisation.country", (a) -> organisation(a).put("country", "ro")),
					json("country as alpha-3", "organisation.country", (a) -> organisation(a).put("country", "ROU")),
					json("no city", "organisation.city", (a) -> organisation(a).remove("city")),
					json("website that is not a URL", "organisation.website",
							(a) -> organisation(a).put("website", "clujit ro")),
					json("website with another scheme", "organisation.website",
							(a) -> organisation(a).put("website", "ftp://www.clujit.ro")),
					json("website that is a script", "organisation.website",
							(a) -> organisation(a).put("website", "javascript:alert(document.cookie)")),
					json("no organisation type", "organisation.type", (a) -> organisation(a).remove("type")),
					json("unknown organisation type", "organisation.type",
							(a) -> organisation(a).put("type", "SPACESHIP")),
					json("founding date that is no date", "organisation.foundedOn",
							(a) -> organisation(a).put("foundedOn", "2012-13-45")),
					json("founding date in the future", "organisation.foundedOn",
							(a) -> organisation(a).put("foundedOn", "2999-01-01")),
					json("negative member count", "organisation.memberCount",
							(a) -> organisation(a).put("memberCount", -1)),
					json("member count that is no number", "organisation.memberCount",
							(a) -> organisation(a).put("memberCount", "ninety")),
					json("description over 2000 characters", "organisation.description",
							(a) -> organisation(a).put("description",
									organisation(a).get("description") + "x".repeat(2000))),
					json("aims over 300 characters", "organisation.aims",
							(a) -> organisation(a).put("aims", "x".repeat(301))),
					json("aims with a control character", "organisation.aims",
							(a) -> organisation(a).put("aims", "aims to foster\u0007 innovation")),
					json("aims that are no text", "organisation.aims",
							(a) -> organisation(a).put("aims", List.of("foster", "connect"))),
					json("statement over 1000 characters", "statement.text",
							(a) -> statement(a).put("text", "x".repeat(1001))),
					json("statement with a control character", "statement.text",
							(a) -> statement(a).put("text", "We join.\u0000")),
					json("statement that is a string, not an object", "statement",
							(a) -> a.put("statement", "We join.")),
					json("statement text that is no text", "statement.text",
							(a) -> statement(a).put("text", Map.of("quote", "We join."))),
					json("unknown field under statement", "statement.by",
							(a) -> statement(a).put("by", "Andrei Kelemen")),
					json("no requested tier", "requestedTier", (a) -> a.remove("requestedTier")),
					json("tier that is not configured", "requestedTier", (a) -> a.put("requestedTier", "GOLD")),
					json("no contact", "contact", (a) -> a.remove("contact")),
					json("blank contact name", "contact.name", (a) -> contact(a).put("name", "")),
					json("no contact e-mail", "contact.email", (a) -> contact(a).remove("email")), json(
							"contact e-mail that is no address", "contact.email",
							(a) -> contact(a).put("email", "andrei.kelemen")),
					json("unknown field: mass assignment of the status", "status", (a) -> a.put("status", "APPROVED")),
					json("unknown nested field", "organisation.id",
							(a) -> organisation(a).put("id", UUID.randomUUID().toString())),
					raw("malformed JSON", 400, "application/json", "{\"organisation\": {\"name\": "),
					raw("empty body", 400, "application/json", ""),
					raw("a JSON array instead of an object", 400, "application/json", "[]"),
					raw("not JSON at all", 415, "text/plain", "CLUJ IT Cluster, RO"),
					new BadInput("body over 64 KiB", 413, null,
							(api, valid) -> api.post("/api/applications",
									"{\"padding\": \"" + "x".repeat(70 * 1024) + "\"}")),
					new BadInput("Idempotency-Key over 255 characters", 400, "Idempotency-Key", (api,
							valid) -> api.with("Idempotency-Key", "k".repeat(300)).post("/api/applications", valid)))
			.map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	@Order(1)
	void badInputAnswersProblemDetailsAndLeavesNoRow(BadInput input) {
		String marker = UUID.randomUUID().toString();
		markers.add(marker);
		Map<String, Object> valid = SampleApplications.clujItCluster(marker);
		long rowsBefore = count("membership_application");

		Api.Response response = input.request().send(new Api(this.port), valid);

		assertThat(response.status()).as(response.toString()).isEqualTo(input.status());
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).isEqualTo(input.status());
		assertThat(problem.path("title").asString()).isNotBlank();
		if (input.field() != null) {
			List<String> fields = new ArrayList<>();
			problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			assertThat(fields).as(response.toString()).contains(input.field());
		}
		assertThat(count("membership_application")).isEqualTo(rowsBefore);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM membership_application WHERE org_description LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * No bad submission published anything, on any topic: the events are counted on the
	 * topics after a quiet window longer than the outbox's resubmission (the outbox
	 * deletes what it sent, so an empty outbox proves nothing; and the request runs on a
	 * server thread, where the test's recorded application events never look). A good
	 * submission, sent last, shows that the reader sees such an event.
	 */
	@Test
	@Order(2)
	void noBadSubmissionPublishedAnEventOnAnyTopic() {
		String good = UUID.randomUUID().toString();
		assertThat(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster(good)).status())
			.isEqualTo(201);
		Set<String> texts = new HashSet<>(markers);
		texts.add(good);
		try (KafkaEvents events = KafkaEvents.onEveryTopicContaining(texts)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> !events.readNow().isEmpty());
			await().during(KafkaEvents.QUIET)
				.atMost(KafkaEvents.QUIET.plusSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(events.readNow())
					.as("events of %d bad submissions and one good one", markers.size())
					.singleElement()
					.isInstanceOf(ApplicationReceived.class)
					.asString()
					.contains(good));
		}
	}

	@Test
	void theTableHasAtLeastTwentyKindsOfBadInput() {
		assertThat(badInputs()).hasSizeGreaterThanOrEqualTo(20);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
