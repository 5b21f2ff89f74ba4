package org.membership.system;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.membership.events.Topics;
import org.membership.stack.KafkaBroker;
import org.membership.stack.LocalStack;
import org.membership.stack.Ports;
import org.membership.stack.SchemaRegistry;
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

	private static final String STAFF_PASSWORD = "e2e-" + Long.toHexString(System.nanoTime());

	private static final String DIRECTORYS = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE,
			Topics.DIRECTORY_SERVICE);

	private static final String NOTIFICATIONS = Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE,
			Topics.NOTIFICATION_SERVICE);

	private static Path data;

	private static LocalStack stack;

	private static LocalStack.Service directory;

	private static LocalStack.Service notification;

	private static PublicApi api;

	@BeforeAll
	static void startTheWholeSystem() throws Exception {
		data = Files.createTempDirectory("membership-e2e-dead-letters");
		LocalStack.Service onboarding = new LocalStack.Service("onboarding-service", Ports.free());
		directory = new LocalStack.Service("directory-service", Ports.free());
		notification = new LocalStack.Service("notification-service", Ports.free());
		Path root = Path.of(System.getProperty("membership.repository.root", "..")).toAbsolutePath().normalize();
		stack = new LocalStack(new LocalStack.Config(root, data,
				new KafkaBroker.Settings(Ports.free(), Ports.free(), data.resolve("kafka"), 3,
						System.getProperty("java.class.path")),
				new SchemaRegistry.Settings(Ports.free(), Ports.free(), data.resolve("registry"), false), Ports.free(),
				Ports.free(), List.of(onboarding, directory, notification), STAFF_PASSWORD));
		stack.start();
		api = new PublicApi(base(onboarding), base(directory), base(notification), STAFF_PASSWORD);
	}

	private static URI base(LocalStack.Service service) {
		return URI.create("http://" + Ports.LOOPBACK + ":" + service.port());
	}

	@AfterAll
	static void stopIt() {
		if (stack != null) {
			stack.stop();
		}
	}

	@Test
	void aPoisonRecordReadByTwoServicesIsEachServicesOwnDeadLetterAndAReplayStaysInOneService() throws Exception {
		// an application the notification service knows the contact of, so a mail could
		// go out
		String id = api.submit("Poisoned Records Association", "dead-letters@example.org");
		await().atMost(Duration.ofMinutes(2)).until(() -> mailCount() > 0);

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

		long mails = mailCount();
		Map<String, Integer> everywhere = countByTopic(everyTopic(), id);
		HttpResponse<String> replay = api.replayDeadLetter(api.directory(), DIRECTORYS,
				inDirectory.get("partition").asInt(), inDirectory.get("offset").asLong());

		// reprocessed in the directory, where it still cannot be read: a problem, not
		// marked
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(422);
		assertThat(PublicApi.json(replay).get("type").asString())
			.isEqualTo("urn:membership:problem:dead-letter-replay-failed");
		assertThat(listed(api.directory(), id).get("replayed").asBoolean()).isFalse();
		// and nothing reached the notification service: no record on any topic, no mail
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(countByTopic(everyTopic(), id)).isEqualTo(everywhere);
			assertThat(mailCount()).isEqualTo(mails);
		});
		assertThat(listed(api.notification(), id).get("offset").asLong())
			.isEqualTo(inNotification.get("offset").asLong());
	}

	private static JsonNode listed(URI service, String key) throws Exception {
		HttpResponse<String> page = api.deadLetters(service);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return PublicApi.json(page)
			.get("content")
			.valueStream()
			.filter((letter) -> key.equals(letter.get("key").asString()))
			.findFirst()
			.orElse(null);
	}

	private static List<String> topics(URI service) throws Exception {
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
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * How many records with {@code key} each of {@code topics} holds (topics without any
	 * left out).
	 */
	private static Map<String, Integer> countByTopic(List<String> topics, String key) {
		Map<String, Integer> counts = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic)
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (ends.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						counts.merge(record.topic(), 1, Integer::sum);
					}
				}
			}
		}
		return counts;
	}

	private static long mailCount() throws Exception {
		Path mails = stack.mail().mailDirectory();
		if (!Files.isDirectory(mails)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(mails)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".eml")).count();
		}
	}

}
