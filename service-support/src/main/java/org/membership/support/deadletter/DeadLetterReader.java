package org.membership.support.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads dead-letter topics with a short-lived consumer: {@code assign} and {@code seek},
 * no consumer group, nothing committed, so reading never moves anyone's offsets. The
 * topics are the record of what failed; only replays are kept in the database.
 */
class DeadLetterReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> config;

	private final Duration timeout;

	/**
	 * @param consumerConfig the service's consumer settings (broker, security)
	 * @param clientId the client id the broker sees
	 * @param timeout how long one read may take
	 */
	DeadLetterReader(Map<String, Object> consumerConfig, String clientId, Duration timeout) {
		this.config = new HashMap<>(consumerConfig);
		this.config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		this.timeout = timeout;
	}

	/** Every record on {@code topics}, partition by partition, oldest first. */
	List<ConsumerRecord<String, byte[]>> readAll(List<String> topics) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				for (PartitionInfo info : consumer.partitionsFor(topic, this.timeout)) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, this.timeout);
			Instant deadline = Instant.now().plus(this.timeout);
			while (!reachedEnd(consumer, ends)) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(
							"Could not read " + topics + " to their end within " + this.timeout);
				}
				consumer.poll(POLL).forEach(records::add);
			}
		}
		return records;
	}

	/** The record at {@code address}, if there is one. */
	Optional<ConsumerRecord<String, byte[]>> read(Address address) {
		if (address.partition() < 0 || address.offset() < 0) {
			return Optional.empty();
		}
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			if (address.partition() >= consumer.partitionsFor(address.topic(), this.timeout).size()) {
				return Optional.empty();
			}
			TopicPartition partition = new TopicPartition(address.topic(), address.partition());
			List<TopicPartition> partitions = List.of(partition);
			consumer.assign(partitions);
			long start = consumer.beginningOffsets(partitions, this.timeout).get(partition);
			long end = consumer.endOffsets(partitions, this.timeout).get(partition);
			if (address.offset() < start || address.offset() >= end) {
				return Optional.empty();
			}
			consumer.seek(partition, address.offset());
			Instant deadline = Instant.now().plus(this.timeout);
			while (consumer.position(partition) <= address.offset()) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not read " + address + " within " + this.timeout);
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					if (record.offset() == address.offset()) {
						return Optional.of(record);
					}
				}
			}
			// a transaction marker or a compacted record sits at that offset
			return Optional.empty();
		}
	}

	private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(this.config, new StringDeserializer(), new ByteArrayDeserializer());
	}

}
