package org.membership.support.deadletter;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.membership.events.ConsumerGroup;
import org.membership.events.Topics;

/**
 * Where a failed record goes: this consumer group's own dead-letter topic of the record's
 * topic, {@code <topic>.<consumer-group>-dlt}, on the record's partition (the dead-letter
 * topics have as many partitions as the contract's topics), so that one application's
 * dead letters stay in order and another consumer of the topic never sees them.
 */
final class DeadLetterDestination implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

	private final ConsumerGroup group;

	DeadLetterDestination(ConsumerGroup group) {
		this.group = group;
	}

	@Override
	public TopicPartition apply(ConsumerRecord<?, ?> record, Exception exception) {
		return new TopicPartition(Topics.deadLetterTopic(record.topic(), this.group.name()), record.partition());
	}

}
