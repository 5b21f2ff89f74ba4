package org.membership.support.deadletter;

import java.time.Instant;

/**
 * A dead letter as staff see it in {@code GET /api/dead-letters}.
 *
 * @param topic the dead-letter topic ({@code <topic>.<consumer-group>-dlt})
 * @param offset its offset (with topic and partition, the address to replay it)
 * @param key the record key (the application id)
 * @param time when the record was dead-lettered
 * @param originalTopic the topic the record failed on
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param errorClass the class of the root cause of the failure
 * @param message the root cause's message
 * @param replayed whether staff have replayed it (successfully)
 * @param replayedAt when, or {@code null}
 * @param replayedBy who, or {@code null}
 */
public record DeadLetter(String topic, int partition, long offset, String key, Instant time, String originalTopic,
		Integer originalPartition, Long originalOffset, String errorClass, String message, boolean replayed,
		Instant replayedAt, String replayedBy) {

}
