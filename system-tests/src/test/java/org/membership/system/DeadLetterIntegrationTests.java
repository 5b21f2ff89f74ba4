package org.membership.system;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.membership.events.Topics;
import org.membership.stack.testing.TopicRecords;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record on a topic with two consumers, in the whole system (every service from
 * its jar, as {@code ./run-local} runs them): it lands once in each consumer's own
 * dead-letter topic, each service lists only its own, and a replay in one service is that
 * service's business alone.
 */
class DeadLetterIntegrationTests {

	private static final String DIRECTORYS = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE,
			Topics.DIRECTORY_SERVICE);

	private static final String NOTIFICATIONS = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE,
			Topics.NOTIFICATION_SERVICE);

	@RegisterExtension
	static final LocalSystem system = new LocalSystem("membership-e2e-dead-letters");

	private final PublicApi api = system.api();

	@Test
	void aPoisonRecordReadByTwoServicesIsEachServicesOwnDeadLetterAndAReplayStaysInOneService() throws Exception {
		// notification knows this application's contact: a replay there could send a mail
		String id = api.submit("Poisoned Records Association", "dead-letters@example.org");
		await().atMost(Duration.ofMinutes(2)).until(() -> !system.mails().isEmpty());

		send(Topics.MEMBERSHIP_EFFECTIVE, id, "not an event".getBytes(StandardCharsets.UTF_8));

		JsonNode inDirectory = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> listed(api.directory(), id), (letter) -> letter != null);
		JsonNode inNotification = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> listed(api.notification(), id), (letter) -> letter != null);

		// once in each consumer's own dead-letter topic, nowhere else
		Map<String, Integer> deadLetters = countByTopic(Topics.deadLetterTopics(), id);
		assertThat(deadLetters).containsOnly(Map.entry(DIRECTORYS, 1), Map.entry(NOTIFICATIONS, 1));
		assertThat(inDirectory.get("topic").asString()).isEqualTo(DIRECTORYS);
		assertThat(inNotification.get("topic").asString()).isEqualTo(NOTIFICATIONS);
		assertThat(inDirectory.get("message").asString()).contains("not Avro");
		// each service lists only its own
		assertThat(topics(api.directory())).isNotEmpty().allMatch((topic) -> topic.endsWith(".directory-service-dlt"));
		assertThat(topics(api.notification())).isNotEmpty()
			.allMatch((topic) -> topic.endsWith(".notification-service-dlt"));

		int mails = system.mails().size();
		Map<String, Integer> everywhere = countByTopic(everyTopic(), id);
		HttpResponse<String> replay = api.replayDeadLetter(api.directory(), DIRECTORYS,
				inDirectory.get("partition").asInt(), inDirectory.get("offset").asLong());

		// the directory still cannot read it: a problem, and not marked replayed
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(422);
		assertThat(PublicApi.json(replay).get("type").asString())
			.isEqualTo("urn:membership:problem:dead-letter-replay-failed");
		assertThat(listed(api.directory(), id).get("replayed").asBoolean()).isFalse();
		// and nothing reached the notification service: no record on any topic, no mail
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(countByTopic(everyTopic(), id)).isEqualTo(everywhere);
			assertThat(system.mails().size()).isEqualTo(mails);
		});
		assertThat(listed(api.notification(), id).get("offset").asLong())
			.isEqualTo(inNotification.get("offset").asLong());
	}

	private JsonNode listed(URI service, String key) throws Exception {
		HttpResponse<String> page = api.deadLetters(service);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return PublicApi.json(page)
			.get("content")
			.valueStream()
			.filter((letter) -> key.equals(letter.get("key").asString()))
			.findFirst()
			.orElse(null);
	}

	private List<String> topics(URI service) throws Exception {
		return PublicApi.json(api.deadLetters(service))
			.get("content")
			.valueStream()
			.map((letter) -> letter.get("topic").asString())
			.toList();
	}

	private static List<String> everyTopic() {
		List<String> topics = new ArrayList<>(DownstreamConsumer.TOPICS);
		topics.addAll(Topics.deadLetterTopics());
		return topics;
	}

	private static void send(String topic, String key, byte[] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().broker().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * How many records with {@code key} each of {@code topics} holds (topics without any
	 * left out).
	 */
	private static Map<String, Integer> countByTopic(List<String> topics, String key) {
		return TopicRecords.withKey(system.stack().broker().bootstrapServers(), topics, key)
			.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::topic, Collectors.summingInt((record) -> 1)));
	}

}
