package org.membership.directory.deadletter;

import java.time.Instant;

/**
 * A record on a dead-letter topic, described by the headers Spring Kafka's
 * {@code DeadLetterPublishingRecoverer} wrote ({@code kafka_dlt-*}).
 *
 * @param topic the dead-letter topic
 * @param partition its partition
 * @param offset its offset (with topic and partition, the address to replay it)
 * @param key the record key (the application id)
 * @param originalTopic where the record failed
 * @param originalPartition partition there
 * @param originalOffset offset there
 * @param exceptionClass the exception the listener container reported
 * @param causeClass the cause of that exception, when there is one (the actual failure)
 * @param message the exception message
 * @param timestamp the record's timestamp (Spring Kafka keeps the original one)
 * @param valueSize size of the value in bytes
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
		Integer originalPartition, Long originalOffset, String exceptionClass, String causeClass, String message,
		Instant timestamp, int valueSize) {

}
