package org.membership.support.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.membership.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterDestinationTests {

	private final ConsumerRecord<String, Object> failed = new ConsumerRecord<>(Topics.MEMBERSHIP_EFFECTIVE, 2, 41L,
			"3f1c0a52-7d4e-4b39-9a55-8f2f1d6c9e10", null);

	@Test
	void aFailedRecordGoesToItsConsumersOwnDeadLetterTopicOnTheSamePartition() {
		DeadLetterDestination directory = new DeadLetterDestination(
				Topics.consumerGroup(Topics.DIRECTORY_SERVICE).orElseThrow());

		assertThat(directory.apply(this.failed, new IllegalStateException("boom")))
			.isEqualTo(new TopicPartition("onboarding.membership-effective.directory-service-dlt", 2));
	}

	@Test
	void twoConsumersOfOneTopicHaveTwoDeadLetterTopics() {
		DeadLetterDestination directory = new DeadLetterDestination(
				Topics.consumerGroup(Topics.DIRECTORY_SERVICE).orElseThrow());
		DeadLetterDestination notification = new DeadLetterDestination(
				Topics.consumerGroup(Topics.NOTIFICATION_SERVICE).orElseThrow());

		TopicPartition one = directory.apply(this.failed, new IllegalStateException("boom"));
		TopicPartition other = notification.apply(this.failed, new IllegalStateException("boom"));

		assertThat(one.topic()).isNotEqualTo(other.topic());
		assertThat(other.topic()).isEqualTo("onboarding.membership-effective.notification-service-dlt");
		assertThat(Topics.deadLetterTopics()).contains(one.topic(), other.topic());
	}

}
