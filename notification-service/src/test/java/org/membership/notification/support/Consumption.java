package org.membership.notification.support;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.membership.stack.testing.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the service's consumer group has committed past a record: the way to know
 * that an event which changes nothing (a redelivery) has been consumed.
 */
public final class Consumption {

	private static final String GROUP = "notification-service";

	private Consumption() {
	}

	public static void awaitConsumed(RecordMetadata sent) {
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
					.partitionsToOffsetAndMetadata()
					.get();
				OffsetAndMetadata committed = offsets.get(partition);
				return committed != null && committed.offset() > sent.offset();
			});
		}
	}

}
