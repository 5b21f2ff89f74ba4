package org.membership.directory.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the processed event ids are kept
 * ({@code membership.directory.processed-events}).
 *
 * @param retention ids older than this are pruned: 7 days by default, Kafka's default
 * {@code offsets.retention.minutes}, which covers every ordinary redelivery (a consumer
 * restart, a rebalance, an outbox resubmission, a dead letter replayed within the week).
 * A duplicate older than that is still harmless: the versioned, forward-only rules make
 * it STALE (docs/directory-service.md, "Retention")
 * @param batchSize rows deleted per statement, so that no pruning transaction is long
 * @param pruneInterval how often the job runs (each instance runs it; it is idempotent)
 */
@ConfigurationProperties("membership.directory.processed-events")
public record ProcessedEventsProperties(@DefaultValue("P7D") Duration retention, @DefaultValue("1000") int batchSize,
		@DefaultValue("PT1H") Duration pruneInterval) {

	public ProcessedEventsProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("membership.directory.processed-events.retention must be positive");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("membership.directory.processed-events.batch-size must be 1 or more");
		}
	}

}
