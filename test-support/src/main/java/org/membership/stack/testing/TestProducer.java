package org.membership.stack.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.membership.events.EventTopic;
import org.membership.events.Topics;

/**
 * Sends events to the {@link TestInfrastructure} of this JVM as the system's producers
 * do: the Apicurio Avro serializer in the Confluent wire format, the schemas registered
 * beforehand (latest version looked up), the application id as the key. Also sends raw
 * bytes, for poison records. Every send waits for the broker's acknowledgement.
 */
public final class TestProducer {

	private static KafkaProducer<String, SpecificRecord> avro;

	private static KafkaProducer<String, byte[]> raw;

	private TestProducer() {
	}

	/**
	 * Sends {@code event} to the topic of its record type, keyed by its application id.
	 * @return where it was written
	 */
	public static RecordMetadata send(SpecificRecord event) {
		return send(topicOf(event), UUID.fromString(applicationId(event)), event);
	}

	/**
	 * Sends {@code event} to {@code topic} under {@code key}.
	 * @return where it was written
	 */
	public static RecordMetadata send(String topic, UUID key, SpecificRecord event) {
		try {
			return avro().send(new ProducerRecord<>(topic, key.toString(), event)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	/**
	 * Sends bytes that no serializer made, such as a record that is not Avro.
	 * @return where it was written
	 */
	public static RecordMetadata sendRaw(String topic, UUID key, byte[] value) {
		try {
			return raw().send(new ProducerRecord<>(topic, key.toString(), value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	private static String topicOf(SpecificRecord event) {
		return Topics.ALL.stream()
			.filter((topic) -> topic.schema().getFullName().equals(event.getSchema().getFullName()))
			.map(EventTopic::name)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					event.getSchema().getFullName() + " is not a record of the contract: name the topic"));
	}

	private static String applicationId(SpecificRecord event) {
		return String.valueOf(event.get(event.getSchema().getField("applicationId").pos()));
	}

	private static synchronized KafkaProducer<String, SpecificRecord> avro() {
		if (avro == null) {
			TestInfrastructure infrastructure = TestInfrastructure.get();
			Map<String, Object> config = new HashMap<>();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
			config.put(ProducerConfig.ACKS_CONFIG, "all");
			config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			// by class name, so that the producer configures it from this map
			config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
			config.put(SerdeConfig.REGISTRY_URL, infrastructure.registryUrl());
			config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, false);
			config.put(SerdeConfig.FIND_LATEST_ARTIFACT, true);
			avro = new KafkaProducer<>(config);
		}
		return avro;
	}

	private static synchronized KafkaProducer<String, byte[]> raw() {
		if (raw == null) {
			raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.get().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
		}
		return raw;
	}

}
