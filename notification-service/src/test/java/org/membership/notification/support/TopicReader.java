package org.membership.notification.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.membership.stack.testing.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from the beginning with a plain KafkaConsumer (no group, no Spring), as a
 * downstream system would, until a record matches.
 */
public final class TopicReader {

	private TopicReader() {
	}

	public static <V> ConsumerRecord<String, V> awaitRecord(String topic, Deserializer<V> valueDeserializer,
			Map<String, Object> valueConfig, Predicate<ConsumerRecord<String, V>> match) {
		valueDeserializer.configure(valueConfig, false);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				valueDeserializer)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, V>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (match.test(record)) {
						found.add(record);
					}
				});
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

}
