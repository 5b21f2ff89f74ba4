package org.membership.support.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a dead letter is: its dead-letter topic, partition and offset.
 *
 * @param topic the dead-letter topic
 */
record Address(String topic, int partition, long offset) {

	static Address of(ConsumerRecord<?, ?> record) {
		return new Address(record.topic(), record.partition(), record.offset());
	}

	@Override
	public String toString() {
		return this.topic + "/" + this.partition + "/" + this.offset;
	}

}
