package org.membership.notification.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.membership.events.ApplicationReceived;
import org.membership.events.Topics;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.notification.support.TestEvents;
import org.membership.notification.support.TestMailServer;
import org.membership.notification.support.TopicReader;
import org.membership.stack.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class PoisonRecordIntegrationTests {

	@Autowired
	private KafkaTemplate<Object, Object> kafka;

	@Test
	void aRecordThatIsNotAvroGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
		UUID applicationId = UUID.randomUUID();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().bootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.APPLICATION_RECEIVED, applicationId.toString(),
						"not an Avro record".getBytes(StandardCharsets.UTF_8)))
				.get();
		}
		String contact = TestEvents.mailbox();
		this.kafka
			.send(Topics.APPLICATION_RECEIVED, applicationId.toString(),
					TestEvents.received(applicationId, "CLUJ IT Cluster", contact))
			.get();

		ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(
				Topics.deadLetterTopic(Topics.APPLICATION_RECEIVED), new ByteArrayDeserializer(), Map.of(),
				(record) -> applicationId.toString().equals(record.key()));
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an Avro record");
		assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
		// the partition is not stalled: the record after the poison one is mailed
		await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.get().messagesTo(contact).size() == 1);
	}

	@Test
	void anInvalidEventGoesToTheDeadLetterTopicWithoutRetries() throws Exception {
		UUID applicationId = UUID.randomUUID();
		ApplicationReceived invalid = TestEvents.received(applicationId, "CLUJ IT Cluster", " ");

		this.kafka.send(Topics.APPLICATION_RECEIVED, applicationId.toString(), invalid).get();

		ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(
				Topics.deadLetterTopic(Topics.APPLICATION_RECEIVED), new ByteArrayDeserializer(), Map.of(),
				(record) -> applicationId.toString().equals(record.key()));
		assertThat(header(dead, "kafka_dlt-exception-fqcn") + " " + header(dead, "kafka_dlt-exception-cause-fqcn"))
			.contains(InvalidEventException.class.getName());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

}
