package org.membership.onboarding.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What Kafka holds of one application, oldest first.
 *
 * @param applicationId the application (= the records' key)
 * @param complete whether every partition was read to the end offset it had when reading
 * began, and the consumer groups' offsets were read
 * @param incompleteReasons why not, in words (empty when complete)
 * @param readFrom the record time reading started at (the submission, less the margin)
 * @param scannedRecords records read, of every application on those partitions
 * @param events the application's records on the contract's topics
 */
public record Timeline(UUID applicationId, boolean complete, List<String> incompleteReasons, Instant readFrom,
		long scannedRecords, List<TimelineEvent> events) {

	public Timeline {
		incompleteReasons = List.copyOf(incompleteReasons);
		events = List.copyOf(events);
	}

}
