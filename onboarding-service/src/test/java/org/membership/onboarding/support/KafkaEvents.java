package org.membership.onboarding.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.membership.stack.testing.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic as any downstream system would: a plain {@link KafkaConsumer} with the
 * Apicurio Avro deserializer against the registry of {@link TestInfrastructure}, from the
 * beginning of every partition, keeping the records of the given applications (the key).
 */
public final class KafkaEvents implements AutoCloseable {

	private final KafkaConsumer<String, Object> consumer;

	private final Set<String> keys;

	private final List<Object> records = new ArrayList<>();

	private KafkaEvents(String topic, Collection<UUID> applicationIds) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>();
		values.configure(Map.of(SerdeConfig.REGISTRY_URL, infrastructure.registryUrl(),
				AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				infrastructure.bootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), values);
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.keys = Set.copyOf(applicationIds.stream().map(UUID::toString).toList());
	}

	/** A reader of {@code topic} for the events of one application. */
	public static KafkaEvents of(String topic, UUID applicationId) {
		return new KafkaEvents(topic, List.of(applicationId));
	}

	/** A reader of {@code topic} for the events of several applications. */
	public static KafkaEvents of(String topic, Collection<UUID> applicationIds) {
		return new KafkaEvents(topic, applicationIds);
	}

	/**
	 * Waits until at least one record of the application arrived, and returns the first.
	 */
	@SuppressWarnings("unchecked")
	public <T> T awaitFirst(Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
			poll();
			return !this.records.isEmpty();
		});
		return (T) this.records.get(0);
	}

	/**
	 * Waits for the first record, then keeps reading for {@code quiet} to see that no
	 * other arrives; returns all records read.
	 */
	public List<Object> awaitExactlyOne(Duration atMost, Duration quiet) {
		awaitFirst(atMost);
		await().during(quiet).atMost(quiet.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			poll();
			return this.records.size() == 1;
		});
		return List.copyOf(this.records);
	}

	/** Everything read so far, after one more poll. */
	public List<Object> readNow() {
		poll();
		return List.copyOf(this.records);
	}

	private void poll() {
		for (ConsumerRecord<String, Object> record : this.consumer.poll(Duration.ofMillis(200))) {
			if (this.keys.contains(record.key())) {
				this.records.add(record.value());
			}
		}
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}
