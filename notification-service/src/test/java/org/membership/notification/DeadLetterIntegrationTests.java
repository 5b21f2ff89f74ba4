package org.membership.notification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.membership.events.Topics;
import org.membership.stack.testing.TopicRecords;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;
import org.membership.stack.testing.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records go to notification-service's own dead-letter topics,
 * {@code <topic>.notification-service-dlt}, once, as the bytes they arrived with and with
 * a readable error; the records behind them are processed. Staff list them and replay one
 * here, once.
 */
@NotificationIntegrationTest
class DeadLetterIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String RECEIVED_DEAD_LETTERS = Topics.deadLetterTopic(Topics.APPLICATION_RECEIVED,
			Topics.NOTIFICATION_SERVICE);

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void bytesThatAreNotAvroAreDeadLetteredOnceAsTheyCameAndTheRecordBehindIsProcessed() throws Exception {
		UUID applicationId = UUID.randomUUID();
		byte[] poison = "not an Avro record".getBytes(StandardCharsets.UTF_8);
		RecordMetadata sent = TestProducer.sendRaw(Topics.APPLICATION_RECEIVED, applicationId, poison);
		String contact = SampleEvents.uniqueEmail();
		received(applicationId, "CLUJ IT Cluster", contact);

		// the record behind the poison one is mailed: the listener has moved past it
		await().atMost(WAIT).until(() -> this.smtp.messagesTo(contact).size() == 1);
		List<ConsumerRecord<String, byte[]>> dead = Exactly.records(RECEIVED_DEAD_LETTERS, applicationId, 1);
		Exactly.mails(this.smtp, contact, 1);
		assertThat(dead.get(0).value()).isEqualTo(poison);
		assertThat(dead.get(0).partition()).isEqualTo(sent.partition());
		Map<String, Object> listed = listed(applicationId);
		assertThat(listed).containsEntry("topic", RECEIVED_DEAD_LETTERS)
			.containsEntry("originalTopic", Topics.APPLICATION_RECEIVED)
			.containsEntry("replayed", false);
		assertThat(((Number) listed.get("originalOffset")).longValue()).isEqualTo(sent.offset());
		assertThat((String) listed.get("message"))
			.startsWith("The value on onboarding.application-received is not Avro");
	}

	@Test
	void aPoisonRecordOnEveryConsumedTopicIsDeadLetteredOnceInNotificationsOwnTopic() throws Exception {
		List<String> topics = Topics.consumerGroup(Topics.NOTIFICATION_SERVICE).orElseThrow().topics();
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

		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = ?")
				.params(behind, "WITHDRAWAL")
				.query(Long.class)
				.single() == 1);
		Map<String, Integer> once = new LinkedHashMap<>();
		topics.forEach((topic) -> once.put(topic, 1));
		await().atMost(WAIT).until(() -> deadLettersByTopic(keys).equals(once));
		// and no second copy of any of them after a while
		await().during(Exactly.QUIET)
			.atMost(Exactly.QUIET.plusSeconds(10))
			.untilAsserted(() -> assertThat(deadLettersByTopic(keys)).isEqualTo(once));
	}

	/** Per consumed topic, the dead letters of its poison record. */
	private static Map<String, Integer> deadLettersByTopic(Map<String, UUID> keys) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		keys.forEach((topic, id) -> counts.put(topic,
				TopicRecords.withKey(Topics.deadLetterTopic(topic, Topics.NOTIFICATION_SERVICE), id).size()));
		return counts;
	}

	@Test
	void aRecordWithAnUnknownSchemaIdIsDeadLetteredWithAReadableError() throws Exception {
		UUID applicationId = UUID.randomUUID();
		byte[] unknownSchema = ByteBuffer.allocate(1 + 4 + 8).put((byte) 0).putInt(987_654_322).putLong(7L).array();
		TestProducer.sendRaw(Topics.APPLICATION_RECEIVED, applicationId, unknownSchema);
		String contact = SampleEvents.uniqueEmail();
		received(applicationId, "CLUJ IT Cluster", contact);

		await().atMost(WAIT).until(() -> this.smtp.messagesTo(contact).size() == 1);
		List<ConsumerRecord<String, byte[]>> dead = TopicRecords.withKey(RECEIVED_DEAD_LETTERS, applicationId);
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).value()).isEqualTo(unknownSchema);
		assertThat((String) listed(applicationId).get("message")).contains("schema id 987654322", "404")
			.doesNotContain("Could not serialize");
	}

	@Test
	void anEventTheServiceRejectsIsDeadLetteredOnceWithoutRetriesAndTheRecordBehindIsProcessed() throws Exception {
		UUID applicationId = UUID.randomUUID();
		long failedBefore = failedListenerCalls();
		received(applicationId, "CLUJ IT Cluster", " ");
		String contact = SampleEvents.uniqueEmail();
		received(applicationId, "CLUJ IT Cluster", contact);

		await().atMost(WAIT).until(() -> this.smtp.messagesTo(contact).size() == 1);
		List<ConsumerRecord<String, byte[]>> dead = Exactly.records(RECEIVED_DEAD_LETTERS, applicationId, 1);
		Map<String, Object> listed = listed(applicationId);
		assertThat(listed).containsEntry("errorClass", "org.membership.support.deadletter.InvalidEventException");
		assertThat((String) listed.get("message")).contains("has no contact e-mail");
		// the listener was called once with it: not retried (a retry is a second failed
		// call)
		assertThat(failedListenerCalls() - failedBefore).as("failed listener calls").isEqualTo(1);
	}

	@Test
	void aDeadLetterReplayedAfterTheCauseIsFixedIsProcessedHereAndMarkedOnce() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String organisation = "Blocked For A While " + applicationId.toString().substring(0, 8);
		String constraint = "blocked_" + applicationId.toString().substring(0, 8);
		// a transient failure: the database refuses this one organisation for now
		this.jdbc
			.sql("ALTER TABLE contact ADD CONSTRAINT " + constraint + " CHECK (organisation_name <> '" + organisation
					+ "')")
			.update();
		try {
			String contact = SampleEvents.uniqueEmail();
			received(applicationId, organisation, contact);

			Map<String, Object> letter = await().atMost(WAIT)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> find(applicationId), (found) -> found != null);
			assertThat((String) letter.get("message")).containsIgnoringCase(constraint);
			assertThat(this.smtp.messagesTo(contact)).isEmpty();

			this.jdbc.sql("ALTER TABLE contact DROP CONSTRAINT " + constraint).update();
			constraint = null;

			String address = "/api/dead-letters/" + letter.get("topic") + "/" + letter.get("partition") + "/"
					+ letter.get("offset") + "/replay";
			assertThat(this.http.postForEntity(address, null, String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			ResponseEntity<Map> replayed = staff().postForEntity(address, null, Map.class);
			assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(replayed.getBody()).containsEntry("replayed", true);

			await().atMost(WAIT).until(() -> this.smtp.messagesTo(contact).size() == 1);
			assertThat(listed(applicationId)).containsEntry("replayed", true).containsEntry("replayedBy", "staff");
			// processed by the replay itself: nothing went back to the shared topic
			assertThat(TopicRecords.withKey(Topics.APPLICATION_RECEIVED, applicationId)).hasSize(1);

			ResponseEntity<Map> again = staff().postForEntity(address, null, Map.class);
			assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(again.getBody()).containsEntry("type", "urn:membership:problem:dead-letter-already-replayed");
			Exactly.mails(this.smtp, contact, 1);
		}
		finally {
			if (constraint != null) {
				this.jdbc.sql("ALTER TABLE contact DROP CONSTRAINT " + constraint).update();
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void deadLettersAreForStaffAndOnlyNotificationsOwn() {
		assertThat(this.http.getForEntity("/api/dead-letters", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map> page = staff().getForEntity("/api/dead-letters", Map.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<Map<String, Object>>) page.getBody().get("content"))
			.allSatisfy((letter) -> assertThat((String) letter.get("topic")).endsWith(".notification-service-dlt"));
		String directorys = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE, Topics.DIRECTORY_SERVICE);
		for (String address : List.of("/api/dead-letters/" + directorys + "/0/0/replay",
				"/api/dead-letters/" + RECEIVED_DEAD_LETTERS + "/0/999999999/replay")) {
			ResponseEntity<Map> missing = staff().postForEntity(address, null, Map.class);
			assertThat(missing.getStatusCode()).as(address).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(missing.getBody()).containsEntry("type", "urn:membership:problem:dead-letter-not-found");
		}
	}

	private void received(UUID applicationId, String organisation, String contact) throws Exception {
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).build())
			.setContact(SampleEvents.contact(contact).build())
			.build());
	}

	/**
	 * Failed calls of every listener so far: Spring Kafka times each call
	 * ({@code spring.kafka.listener}, result {@code failure} when it threw).
	 */
	private long failedListenerCalls() {
		// with listener observation on (tracing), the timer comes from the observation
		// and
		// names the exception in its "error" tag; without it, Spring Kafka's own timer
		// says
		// result=failure
		return this.meters.find("spring.kafka.listener")
			.timers()
			.stream()
			.filter((timer) -> "failure".equals(timer.getId().getTag("result"))
					|| (timer.getId().getTag("error") != null && !"none".equals(timer.getId().getTag("error"))))
			.mapToLong(Timer::count)
			.sum();
	}

	private TestRestTemplate staff() {
		return this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD);
	}

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

}
