package org.membership.onboarding.timeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.ApplicationReceived;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;
import org.membership.stack.testing.TestInfrastructure;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/applications/{id}/timeline} and the console's section of it, against
 * the real broker and registry: the events of the application read back by key, in order,
 * with what the consumer groups committed and what their dead-letter topics hold; the
 * bounds; records that cannot be read.
 */
@OnboardingIntegrationTest
class TimelineIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final DateTimeFormatter CONSOLE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz",
			Locale.ENGLISH);

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationTimelines timelines;

	private UUID submit() {
		return UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
	}

	private void approve(UUID id, LocalDate effectiveFrom) {
		Api.Response approval = new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", effectiveFrom.toString()));
		assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
	}

	private JsonNode timeline(UUID id) {
		Api.Response response = new Api(this.port).asStaff().get("/api/applications/" + id + "/timeline");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** The timeline once {@code condition} holds of it. */
	private JsonNode awaitTimeline(UUID id, Predicate<JsonNode> condition) {
		List<JsonNode> last = new ArrayList<>();
		await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			last.clear();
			last.add(timeline(id));
			assertThat(condition.test(last.get(0))).as("the timeline %s", last.get(0)).isTrue();
		});
		return last.get(0);
	}

	/**
	 * The event types of a timeline, each once: the outbox publishes at least once, so a
	 * record may be on its topic twice (both are listed, with the same event id).
	 */
	private static List<String> types(JsonNode timeline) {
		return events(timeline).stream().map((event) -> event.path("eventType").asString()).distinct().toList();
	}

	private static List<JsonNode> events(JsonNode timeline) {
		return StreamSupport.stream(timeline.path("events").spliterator(), false).toList();
	}

	private static List<String> texts(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

	private static JsonNode on(JsonNode timeline, String topic) {
		return events(timeline).stream()
			.filter((event) -> event.path("topic").asString().equals(topic))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event on " + topic + " in " + timeline));
	}

	@Test
	void aSubmittedApprovedAndEffectiveApplicationShowsItsEventsOldestFirstWithTheirIds() {
		UUID id = submit();
		approve(id, LocalDate.of(2023, 1, 1));

		JsonNode timeline = awaitTimeline(id, (answer) -> types(answer).size() == 3);

		List<Object> published;
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(id))) {
			await().atMost(WAIT).until(() -> events.readNow().stream().map(Object::getClass).distinct().count() == 3);
			published = events.readNow();
		}
		ApplicationReceived received = only(published, ApplicationReceived.class);
		MemberApproved approved = only(published, MemberApproved.class);
		MembershipEffective effective = only(published, MembershipEffective.class);
		assertThat(timeline.path("applicationId").asString()).isEqualTo(id.toString());
		assertThat(timeline.path("complete").asBoolean()).as(timeline.toString()).isTrue();
		assertThat(timeline.path("incompleteReasons")).isEmpty();
		assertThat(timeline.path("scannedRecords").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(types(timeline)).containsExactly("ApplicationReceived", "MemberApproved", "MembershipEffective");
		List<JsonNode> events = events(timeline).stream()
			.filter(distinctBy((event) -> event.path("eventId").asString()))
			.toList();
		assertThat(events).extracting((event) -> event.path("topic").asString())
			.containsExactly(Topics.APPLICATION_RECEIVED, Topics.MEMBER_APPROVED, Topics.MEMBERSHIP_EFFECTIVE);
		assertThat(events).extracting((event) -> event.path("eventId").asString())
			.containsExactly(received.getEventId().toString(), approved.getEventId().toString(),
					effective.getEventId().toString());
		assertThat(events).extracting((event) -> event.path("applicationVersion").asLong()).containsExactly(1L, 2L, 3L);
		assertThat(events).extracting((event) -> Instant.parse(event.path("occurredAt").asString()))
			.containsExactly(received.getOccurredAt(), approved.getOccurredAt(), effective.getOccurredAt());
		for (JsonNode event : events) {
			assertThat(event.path("readable").asBoolean()).isTrue();
			assertThat(event.path("partition").asInt()).isBetween(0, 2);
			assertThat(event.path("offset").asLong()).isNotNegative();
			assertThat(event.path("deadLetteredBy")).isEmpty();
		}
		// every group that reads a topic is either past the record or still to process it
		assertThat(texts(events.get(0).path("processedBy"))).as("directory-service does not read ApplicationReceived")
			.doesNotContain(Topics.DIRECTORY_SERVICE);
		assertThat(texts(events.get(0).path("pendingFor"))).doesNotContain(Topics.DIRECTORY_SERVICE);
	}

	@Test
	void aRecordIsProcessedByTheGroupsWhoseCommittedOffsetHasPassedIt() throws Exception {
		UUID id = submit();
		approve(id, LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(30));
		JsonNode before = awaitTimeline(id, (answer) -> types(answer).contains("MemberApproved"));
		JsonNode approvedBefore = on(before, Topics.MEMBER_APPROVED);
		assertThat(texts(approvedBefore.path("processedBy"))).isEmpty();
		assertThat(texts(approvedBefore.path("pendingFor"))).containsExactly(Topics.DIRECTORY_SERVICE,
				Topics.NOTIFICATION_SERVICE);

		TopicPartition partition = new TopicPartition(Topics.MEMBER_APPROVED, approvedBefore.path("partition").asInt());
		long offset = approvedBefore.path("offset").asLong();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers()))) {
			// up to, not past, the record: not processed yet
			admin.alterConsumerGroupOffsets(Topics.DIRECTORY_SERVICE, Map.of(partition, new OffsetAndMetadata(offset)))
				.all()
				.get(30, TimeUnit.SECONDS);
			assertThat(texts(on(timeline(id), Topics.MEMBER_APPROVED).path("processedBy"))).isEmpty();

			admin
				.alterConsumerGroupOffsets(Topics.DIRECTORY_SERVICE,
						Map.of(partition, new OffsetAndMetadata(offset + 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}

		JsonNode after = timeline(id);
		JsonNode approved = on(after, Topics.MEMBER_APPROVED);
		assertThat(texts(approved.path("processedBy"))).containsExactly(Topics.DIRECTORY_SERVICE);
		assertThat(texts(approved.path("pendingFor"))).containsExactly(Topics.NOTIFICATION_SERVICE);
		JsonNode received = on(after, Topics.APPLICATION_RECEIVED);
		assertThat(texts(received.path("processedBy"))).doesNotContain(Topics.DIRECTORY_SERVICE);
		assertThat(after.path("complete").asBoolean()).isTrue();
	}

	@Test
	void theRecordAndTimeBoundsMakeAnIncompleteTimelineThatSaysWhy() {
		UUID id = submit();
		approve(id, LocalDate.of(2023, 1, 1));
		awaitTimeline(id, (answer) -> types(answer).size() == 3);

		Timeline recordBound = this.timelines.of(id, new TimelineProperties(1, Duration.ofSeconds(30), Duration.ZERO));

		assertThat(recordBound.complete()).isFalse();
		assertThat(recordBound.scannedRecords()).isEqualTo(1);
		assertThat(recordBound.events()).hasSizeLessThanOrEqualTo(1);
		assertThat(recordBound.incompleteReasons()).singleElement()
			.asString()
			.contains("Stopped after 1 record, the limit (membership.onboarding.timeline.max-records)")
			.contains("not read to the end: onboarding.");

		Timeline timeBound = this.timelines.of(id,
				new TimelineProperties(10_000, Duration.ofNanos(1), Duration.ofMinutes(5)));

		assertThat(timeBound.complete()).isFalse();
		assertThat(timeBound.incompleteReasons()).first()
			.asString()
			.contains("membership.onboarding.timeline.max-time");
	}

	@Test
	void aRecordThatCannotBeReadIsListedAsUnreadableWithItsDeadLetters() {
		UUID id = submit();
		awaitTimeline(id, (answer) -> types(answer).contains("ApplicationReceived"));

		RecordMetadata poison = TestProducer.sendRaw(Topics.MEMBER_APPROVED, id,
				"not an event".getBytes(StandardCharsets.UTF_8));
		deadLetter(poison, id, Topics.NOTIFICATION_SERVICE);

		JsonNode timeline = awaitTimeline(id,
				(answer) -> events(answer).stream().anyMatch((event) -> !event.path("readable").asBoolean()));
		JsonNode unreadable = on(timeline, Topics.MEMBER_APPROVED);
		assertThat(unreadable.path("readable").asBoolean()).isFalse();
		assertThat(unreadable.path("error").asString()).isNotBlank();
		assertThat(unreadable.path("eventType").isNull()).isTrue();
		assertThat(unreadable.path("partition").asInt()).isEqualTo(poison.partition());
		assertThat(unreadable.path("offset").asLong()).isEqualTo(poison.offset());
		assertThat(texts(unreadable.path("deadLetteredBy"))).containsExactly(Topics.NOTIFICATION_SERVICE);
		assertThat(on(timeline, Topics.APPLICATION_RECEIVED).path("readable").asBoolean()).isTrue();
		assertThat(texts(on(timeline, Topics.APPLICATION_RECEIVED).path("deadLetteredBy"))).isEmpty();

		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);
		assertThat(staff.get("/staff/applications/" + id).body()).contains("<strong>Unreadable</strong>")
			.contains("<strong>dead letter</strong>: <span>notification-service</span>");
	}

	/**
	 * What a consumer's error handler writes: the record's key and bytes on the same
	 * partition of the group's dead-letter topic, with Spring Kafka's headers naming the
	 * original.
	 */
	private static void deadLetter(RecordMetadata original, UUID key, String group) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(
					Topics.deadLetterTopic(original.topic(), group), original.partition(), key.toString(),
					"not an event".getBytes(StandardCharsets.UTF_8));
			record.headers()
				.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, original.topic().getBytes(StandardCharsets.UTF_8))
				.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(original.partition()).array())
				.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(original.offset()).array());
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void anUnknownApplicationIsNotFoundAndOnlyStaffReadTimelines() {
		UUID id = submit();
		String path = "/api/applications/" + id + "/timeline";

		Api.Response unknown = new Api(this.port).asStaff().get("/api/applications/" + UUID.randomUUID() + "/timeline");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(new Api(this.port).get(path).status()).isEqualTo(401);
		assertThat(new Api(this.port).as("staff", "wrong").get(path).status()).isEqualTo(401);
		assertThat(new Api(this.port).as("viewer", "viewer-password").get(path).status()).isEqualTo(403);
		assertThat(new Api(this.port).asStaff().get(path).status()).isEqualTo(200);
	}

	@Test
	void theConsoleShowsTheTimelineOnTheApplicationsPageInTheAssociationsTimeZone() {
		UUID id = submit();
		approve(id, LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(30));
		JsonNode timeline = awaitTimeline(id, (answer) -> types(answer).contains("MemberApproved"));
		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);

		Browser.Page page = staff.get("/staff/applications/" + id);

		assertThat(page.status()).isEqualTo(200);
		String section = page.body().replaceAll("(?s).*(<section id=\"timeline\".*?</section>).*", "$1");
		assertThat(section).startsWith("<section id=\"timeline\"")
			.contains("<h2 id=\"timeline-title\">Events on Kafka</h2>")
			.doesNotContain("timeline-incomplete");
		assertThat(section.indexOf(">ApplicationReceived<")).isPositive()
			.isLessThan(section.indexOf(">MemberApproved<"));
		for (JsonNode event : events(timeline)) {
			Instant occurredAt = Instant.parse(event.path("occurredAt").asString());
			assertThat(section).contains(event.path("eventId").asString())
				.contains(event.path("topic").asString() + "-" + event.path("partition").asInt() + "@"
						+ event.path("offset").asLong())
				.contains(CONSOLE_TIME.format(occurredAt.atZone(ZoneId.of("Europe/Brussels"))));
		}
		assertThat(section).contains("waiting: <span>directory-service, notification-service</span>");
	}

	/** The event of a type; published at least once, each time the same event. */
	private static <T extends SpecificRecord> T only(List<Object> events, Class<T> type) {
		List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(matching).as(type.getSimpleName()).isNotEmpty().allMatch(matching.get(0)::equals);
		return matching.get(0);
	}

	private static <T> Predicate<T> distinctBy(Function<T, Object> key) {
		Set<Object> seen = new HashSet<>();
		return (item) -> seen.add(key.apply(item));
	}

}
