package org.membership.stack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.membership.events.MemberApproved;
import org.membership.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** The producer every module's tests send the reference story's events with. */
class TestProducerIntegrationTests {

	@Test
	void anEventGoesToTheTopicOfItsRecordTypeKeyedByItsApplicationIdAndReadsBackThroughTheRegistry() {
		UUID applicationId = UUID.randomUUID();
		MemberApproved approved = SampleEvents.memberApproved(applicationId).build();

		RecordMetadata sent = TestProducer.send(approved);

		assertThat(sent.topic()).isEqualTo(Topics.MEMBER_APPROVED);
		AvroKafkaDeserializer<Object> avro = new AvroKafkaDeserializer<>();
		avro.configure(Map.of(SerdeConfig.REGISTRY_URL, TestInfrastructure.get().registryUrl(),
				AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
		ConsumerRecord<String, Object> read = readBack(sent, avro);
		assertThat(read.key()).isEqualTo(applicationId.toString());
		assertThat(read.value()).isEqualTo(approved);
	}

	@Test
	void rawBytesArriveAsTheyWereSent() {
		UUID key = UUID.randomUUID();
		byte[] poison = "not an Avro record".getBytes(StandardCharsets.UTF_8);

		RecordMetadata sent = TestProducer.sendRaw(Topics.APPLICATION_RECEIVED, key, poison);

		ConsumerRecord<String, byte[]> read = readBack(sent, new ByteArrayDeserializer());
		assertThat(read.key()).isEqualTo(key.toString());
		assertThat(read.value()).isEqualTo(poison);
	}

	@Test
	void aRecordThatNoTopicOfTheContractCarriesNeedsATopic() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestProducer.send(SampleEvents.organisation().build()))
			.withMessageContaining("org.membership.events.Organisation is not a record of the contract");
	}

	private static <V> ConsumerRecord<String, V> readBack(RecordMetadata sent, Deserializer<V> values) {
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers()),
				new StringDeserializer(), values)) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, sent.offset());
			List<ConsumerRecord<String, V>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return !records.isEmpty();
			});
			return records.get(0);
		}
	}

}
