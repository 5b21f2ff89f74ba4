package org.membership.directory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.Topics;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;
import org.membership.stack.testing.TopicRecords;
import org.membership.support.deadletter.DeadLetterHeaders;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records go to the directory's own dead-letter topics,
 * {@code <topic>.directory-service-dlt}, once, as the bytes they arrived with and with a
 * readable error; the records behind them on the same partition are applied. Staff list
 * them and replay one in the directory, once.
 */
@DirectoryIntegrationTest
class DeadLetterIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String STAFF_PASSWORD = "test-staff-secret";

	private static final String APPROVED_DEAD_LETTERS = Topics.deadLetterTopic(Topics.MEMBER_APPROVED,
			Topics.DIRECTORY_SERVICE);

	private static final String EFFECTIVE_DEAD_LETTERS = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE,
			Topics.DIRECTORY_SERVICE);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void bytesThatAreNotAvroAreDeadLetteredOnceAsTheyCameAndTheRecordBehindIsApplied() {
		UUID id = UUID.randomUUID();
		byte[] poison = "this is not Avro".getBytes(StandardCharsets.UTF_8);
		RecordMetadata sent = TestProducer.sendRaw(Topics.MEMBER_APPROVED, id, poison);
		TestProducer
			.send(approval(id, 2, SampleEvents.organisation(SampleEvents.uniqueName("Behind Poison")).build()).build());

		// the record behind it was applied, so the listener has moved past the poison
		await().atMost(WAIT).until(() -> status(id), "JOINING"::equals);
		List<ConsumerRecord<String, byte[]>> dead = TopicRecords.withKey(APPROVED_DEAD_LETTERS, id);
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).value()).isEqualTo(poison);
		assertThat(dead.get(0).partition()).isEqualTo(sent.partition());
		assertThat(header(dead.get(0), DeadLetterHeaders.ERROR_CLASS)).isNotBlank();

		Map<String, Object> listed = listed(id);
		assertThat(listed).containsEntry("topic", APPROVED_DEAD_LETTERS)
			.containsEntry("partition", sent.partition())
			.containsEntry("originalTopic", Topics.MEMBER_APPROVED)
			.containsEntry("replayed", false);
		assertThat(((Number) listed.get("offset")).longValue()).isEqualTo(dead.get(0).offset());
		assertThat(((Number) listed.get("originalOffset")).longValue()).isEqualTo(sent.offset());
		assertThat((String) listed.get("errorClass")).isNotBlank();
		assertThat((String) listed.get("message")).startsWith("The value on onboarding.member-approved is not Avro");
		assertThat(listed.get("time")).isNotNull();
	}

	@Test
	void aPoisonRecordOnEveryConsumedTopicIsDeadLetteredOnceInTheDirectorysOwnTopic() {
		List<String> topics = Topics.consumerGroup(Topics.DIRECTORY_SERVICE).orElseThrow().topics();
		assertThat(topics).contains(Topics.APPLICATION_WITHDRAWN, Topics.EFFECTIVE_DATE_CHANGED);
		Map<String, UUID> keys = new LinkedHashMap<>();
		for (String topic : topics) {
			UUID id = UUID.randomUUID();
			keys.put(topic, id);
			TestProducer.sendRaw(topic, id, ("poison on " + topic).getBytes(StandardCharsets.UTF_8));
		}
		// a valid withdrawal behind the poison of its topic (same key, same partition)
		UUID behind = keys.get(Topics.APPLICATION_WITHDRAWN);
		TestProducer.send(SampleEvents.applicationWithdrawn(behind).build());

		await().atMost(WAIT).until(() -> status(behind), "WITHDRAWN"::equals);
		keys.forEach((topic, id) -> await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(TopicRecords.withKey(Topics.deadLetterTopic(topic, Topics.DIRECTORY_SERVICE), id))
						.as("dead letters of %s", topic)
						.hasSize(1)
						.allSatisfy((letter) -> assertThat(new String(letter.value(), StandardCharsets.UTF_8))
							.isEqualTo("poison on " + topic))));
	}

	@Test
	void aRecordWithAnUnknownSchemaIdIsDeadLetteredWithAReadableErrorAndTheRecordBehindIsApplied() {
		UUID id = UUID.randomUUID();
		// Confluent wire format: magic byte 0, a schema id the registry never gave out
		byte[] unknownSchema = ByteBuffer.allocate(1 + 4 + 8).put((byte) 0).putInt(987_654_321).putLong(42L).array();
		TestProducer.sendRaw(Topics.MEMBERSHIP_EFFECTIVE, id, unknownSchema);
		TestProducer
			.send(effect(id, 3, SampleEvents.organisation(SampleEvents.uniqueName("Behind Unknown Schema")).build())
				.build());

		await().atMost(WAIT).until(() -> status(id), "MEMBER"::equals);
		List<ConsumerRecord<String, byte[]>> dead = TopicRecords.withKey(EFFECTIVE_DEAD_LETTERS, id);
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).value()).isEqualTo(unknownSchema);
		Map<String, Object> listed = listed(id);
		assertThat((String) listed.get("errorClass")).isNotBlank().isNotEqualTo(RuntimeException.class.getName());
		assertThat((String) listed.get("message")).contains("schema id 987654321", "404")
			.doesNotContain("Could not serialize");
	}

	@Test
	void anInvalidEventIsDeadLetteredAtOnceAsItsProducerWroteItAndCounted() {
		UUID id = UUID.randomUUID();
		double before = deadLettered(Topics.MEMBERSHIP_EFFECTIVE);
		RecordMetadata sent = TestProducer.send(effect(id, 3,
				SampleEvents.organisation(SampleEvents.uniqueName("Invalid Country")).setCountry("Romania").build())
			.build());
		TestProducer
			.send(effect(id, 4, SampleEvents.organisation(SampleEvents.uniqueName("Valid Country")).build()).build());

		await().atMost(WAIT).until(() -> status(id), "MEMBER"::equals);
		List<ConsumerRecord<String, byte[]>> dead = TopicRecords.withKey(EFFECTIVE_DEAD_LETTERS, id);
		assertThat(dead).hasSize(1);
		ConsumerRecord<String, byte[]> original = TopicRecords.withKey(Topics.MEMBERSHIP_EFFECTIVE, id)
			.stream()
			.filter((record) -> record.offset() == sent.offset())
			.findFirst()
			.orElseThrow();
		assertThat(dead.get(0).value()).as("the producer's bytes, schema id included").isEqualTo(original.value());
		Map<String, Object> listed = listed(id);
		assertThat(listed).containsEntry("errorClass", "org.membership.support.deadletter.InvalidEventException");
		assertThat((String) listed.get("message")).contains("organisation.country 'Romania'");
		assertThat(deadLettered(Topics.MEMBERSHIP_EFFECTIVE)).isGreaterThan(before);
	}

	@Test
	void aDeadLetterReplayedAfterTheCauseIsFixedIsAppliedInTheDirectoryAndMarkedOnce() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Blocked For A While");
		String constraint = "blocked_" + id.toString().substring(0, 8);
		// a transient failure: the database refuses this one organisation for now
		this.jdbc.sql("alter table member add constraint " + constraint + " check (name <> '" + name + "')").update();
		try {
			MembershipEffective event = effect(id, 3, SampleEvents.organisation(name).build()).build();
			TestProducer.send(event);

			Map<String, Object> letter = await().atMost(WAIT)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> find(id), (found) -> found != null);
			assertThat((String) letter.get("message")).containsIgnoringCase(constraint);
			assertThat(status(id)).isNull();

			this.jdbc.sql("alter table member drop constraint " + constraint).update();
			constraint = null;

			String address = "/api/dead-letters/" + letter.get("topic") + "/" + letter.get("partition") + "/"
					+ letter.get("offset") + "/replay";
			assertThat(this.http.postForEntity(address, null, String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			ResponseEntity<Map> replayed = staff().postForEntity(address, null, Map.class);
			assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(replayed.getBody()).containsEntry("replayed", true).containsEntry("replayedBy", "staff");

			// the replay applied it here itself: nothing went back to the topic
			assertThat(status(id)).isEqualTo("MEMBER");
			assertThat(this.http.getForObject("/api/members/" + id, Map.class)).containsEntry("name", name);
			assertThat(TopicRecords.withKey(Topics.MEMBERSHIP_EFFECTIVE, id)).hasSize(1);
			assertThat(listed(id)).containsEntry("replayed", true);

			ResponseEntity<Map> again = staff().postForEntity(address, null, Map.class);
			assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(again.getBody()).containsEntry("type", "urn:membership:problem:dead-letter-already-replayed");
		}
		finally {
			if (constraint != null) {
				this.jdbc.sql("alter table member drop constraint " + constraint).update();
			}
		}
	}

	@Test
	void aDeadLetterThatStillFailsIsNotMarkedReplayed() {
		UUID id = UUID.randomUUID();
		TestProducer.sendRaw(Topics.MEMBER_APPROVED, id, "still not Avro".getBytes(StandardCharsets.UTF_8));
		Map<String, Object> letter = await().atMost(WAIT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> find(id), (found) -> found != null);

		ResponseEntity<Map> replay = staff().postForEntity("/api/dead-letters/" + letter.get("topic") + "/"
				+ letter.get("partition") + "/" + letter.get("offset") + "/replay", null, Map.class);

		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(replay.getBody()).containsEntry("type", "urn:membership:problem:dead-letter-replay-failed");
		assertThat(listed(id)).containsEntry("replayed", false);
		assertThat(TopicRecords.withKey(Topics.MEMBER_APPROVED, id)).hasSize(1);
	}

	@Test
	void deadLettersAreForStaffAndOnlyTheDirectorysOwn() {
		assertThat(this.http.getForEntity("/api/dead-letters", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("staff", "wrong")
			.getForEntity("/api/dead-letters", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map> page = staff().getForEntity("/api/dead-letters", Map.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).containsKeys("content", "page");
		assertThat((List<Map<String, Object>>) page.getBody().get("content"))
			.allSatisfy((letter) -> assertThat((String) letter.get("topic")).endsWith(".directory-service-dlt"));

		String notifications = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE, Topics.NOTIFICATION_SERVICE);
		for (String address : List.of("/api/dead-letters/not-a-dlt/0/0/replay",
				"/api/dead-letters/" + notifications + "/0/0/replay",
				"/api/dead-letters/" + EFFECTIVE_DEAD_LETTERS + "/0/999999999/replay",
				"/api/dead-letters/" + EFFECTIVE_DEAD_LETTERS + "/99/0/replay")) {
			ResponseEntity<Map> missing = staff().postForEntity(address, null, Map.class);
			assertThat(missing.getStatusCode()).as(address).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(missing.getBody()).containsEntry("type", "urn:membership:problem:dead-letter-not-found");
		}
	}

	private TestRestTemplate staff() {
		return this.http.withBasicAuth("staff", STAFF_PASSWORD);
	}

	/** The listed dead letter of application {@code id}, or {@code null}. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> find(UUID id) {
		Map<String, Object> page = staff().getForObject("/api/dead-letters?size=100", Map.class);
		return ((List<Map<String, Object>>) page.get("content")).stream()
			.filter((letter) -> id.toString().equals(letter.get("key")))
			.findFirst()
			.orElse(null);
	}

	private Map<String, Object> listed(UUID id) {
		Map<String, Object> letter = find(id);
		assertThat(letter).as("dead letter of %s in the list", id).isNotNull();
		return letter;
	}

	private String status(UUID id) {
		return this.jdbc.sql(
				"select status from member where application_id = ? and generation_id = (select id from directory_generation where state = 'LIVE')")
			.param(id.toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private double deadLettered(String topic) {
		var counter = this.meters.find("membership.directory.events.dead-lettered").tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static MemberApproved.Builder approval(UUID id, long version, Organisation organisation) {
		return SampleEvents.memberApproved(id).setApplicationVersion(version).setOrganisation(organisation);
	}

	private static MembershipEffective.Builder effect(UUID id, long version, Organisation organisation) {
		return SampleEvents.membershipEffective(id).setApplicationVersion(version).setOrganisation(organisation);
	}

}
