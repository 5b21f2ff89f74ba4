package org.membership.stack.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics, from their beginning to the end they have now, as a tool outside
 * the service would: to count what is on a dead-letter topic, or what a replay published.
 */
public final class TopicRecords {

	private TopicRecords() {
	}

	/**
	 * Every record on {@code topic} of the {@link TestInfrastructure} whose key is
	 * {@code key}, oldest first.
	 */
	public static List<ConsumerRecord<String, byte[]>> withKey(String topic, UUID key) {
		return withKey(TestInfrastructure.get().bootstrapServers(), List.of(topic), key.toString());
	}

	/**
	 * Every record on {@code topics} of the broker at {@code bootstrapServers} whose key
	 * is {@code key}, partition by partition, oldest first.
	 */
	public static List<ConsumerRecord<String, byte[]>> withKey(String bootstrapServers, List<String> topics,
			String key) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic)
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (ends.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
			}
		}
		return found;
	}

}
