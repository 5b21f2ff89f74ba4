package org.membership.notification.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.membership.events.ApplicationReceived;
import org.membership.events.Topics;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.notification.support.TestMailServer;
import org.membership.notification.support.TopicReader;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class PoisonRecordIntegrationTests {

	@Test
	void aRecordThatIsNotAvroGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
		UUID applicationId = UUID.randomUUID();
		TestProducer.sendRaw(Topics.APPLICATION_RECEIVED, applicationId,
				"not an Avro record".getBytes(StandardCharsets.UTF_8));
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());

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
		ApplicationReceived invalid = SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(" ").build())
			.build();

		TestProducer.send(invalid);

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
