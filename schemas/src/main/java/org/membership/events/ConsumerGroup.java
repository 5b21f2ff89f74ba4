package org.membership.events;

import java.util.List;

/**
 * A consumer of the contract: its Kafka consumer group (the service's
 * {@code spring.application.name}) and the topics it reads. Each topic it reads has a
 * dead-letter topic of its own, {@code <topic>.<group>-dlt}, so that a failure in one
 * consumer is listed and replayed by that consumer only.
 *
 * @param name the consumer group
 * @param topics the topics the group reads
 */
public record ConsumerGroup(String name, List<String> topics) {

	public ConsumerGroup {
		topics = List.copyOf(topics);
	}

	/** The dead-letter topics of this group, one per topic it reads, in that order. */
	public List<String> deadLetterTopics() {
		return this.topics.stream().map((topic) -> Topics.deadLetterTopic(topic, this.name)).toList();
	}

}
