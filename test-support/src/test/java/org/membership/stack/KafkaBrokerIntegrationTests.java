package org.membership.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membership.events.EventTopic;
import org.membership.events.Topics;
import org.membership.stack.testing.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker the tests and the local stack run: topics in place, restartable, no orphans.
 */
class KafkaBrokerIntegrationTests {

	@Test
	void theSharedBrokerHasEveryTopicOfTheContractAndEachConsumersDeadLetterTopics() throws Exception {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
			Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			assertThat(topics).containsAll(Topics.ALL.stream().map(EventTopic::name).toList())
				.containsAll(Topics.deadLetterTopics())
				.contains("onboarding.membership-effective.directory-service-dlt",
						"onboarding.membership-effective.notification-service-dlt")
				.noneMatch((topic) -> topic.equals(Topics.MEMBERSHIP_EFFECTIVE + Topics.DEAD_LETTER_SUFFIX));
			String deadLetters = Topics.deadLetterTopic(Topics.MEMBER_APPROVED, Topics.DIRECTORY_SERVICE);
			var description = admin.describeTopics(List.of(Topics.MEMBER_APPROVED, deadLetters))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			assertThat(description.values()).allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(3));
			for (String topic : List.of(Topics.MEMBER_APPROVED, deadLetters)) {
				var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
				var retention = admin.describeConfigs(List.of(resource))
					.all()
					.get(10, TimeUnit.SECONDS)
					.get(resource)
					.get("retention.ms");
				assertThat(retention.value()).as("%s keeps every record", topic).isEqualTo("-1");
			}
		}
	}

	@Test
	void aStoppedBrokerComesBackOnTheSamePortWithItsData(@TempDir Path directory) {
		KafkaBroker broker = new KafkaBroker(KafkaBroker.Settings.forTests(directory)).start();
		try {
			TopicSetup.createTopics(broker.bootstrapServers(), 1);
			send(broker, "before the outage");
			long firstPid = broker.pid();

			broker.stop();
			assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
			broker.start();

			send(broker, "after the outage");
			assertThat(readAll(broker)).containsExactly("before the outage", "after the outage");
		}
		finally {
			broker.stop();
		}
	}

	private static void send(KafkaBroker broker, String value) {
		try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.APPLICATION_RECEIVED, "key", value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> readAll(KafkaBroker broker) {
		List<String> values = new ArrayList<>();
		try (var consumer = new KafkaConsumer<String, String>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.APPLICATION_RECEIVED));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> values.add(record.value()));
				return values.size() >= 2;
			});
		}
		return values;
	}

}
