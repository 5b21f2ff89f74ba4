package org.membership.onboarding.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One record of the application on a topic of the contract.
 *
 * @param topic where it is
 * @param partition the partition of the application's key
 * @param offset its offset there
 * @param timestamp the record's timestamp (the producer's clock)
 * @param readable whether its value could be read with the contract's schemas;
 * {@code eventType}, {@code eventId}, {@code occurredAt} and {@code applicationVersion}
 * are {@code null} when not
 * @param error why it could not be read (unreadable records only)
 * @param eventType the Avro record's name, e.g. {@code MemberApproved}
 * @param processedBy the consumer groups reading the topic whose committed offset on the
 * partition has passed the record
 * @param pendingFor the consumer groups reading the topic whose committed offset has not
 * (or that have none)
 * @param deadLetteredBy the consumer groups whose dead-letter topic holds the record
 */
public record TimelineEvent(String topic, int partition, long offset, Instant timestamp, boolean readable, String error,
		String eventType, String eventId, Instant occurredAt, Long applicationVersion, List<String> processedBy,
		List<String> pendingFor, List<String> deadLetteredBy) {

	public TimelineEvent {
		processedBy = List.copyOf(processedBy);
		pendingFor = List.copyOf(pendingFor);
		deadLetteredBy = List.copyOf(deadLetteredBy);
	}

	/** When it happened: the event's own time, or the record's when it is unreadable. */
	Instant time() {
		return (this.occurredAt != null) ? this.occurredAt : this.timestamp;
	}

}
