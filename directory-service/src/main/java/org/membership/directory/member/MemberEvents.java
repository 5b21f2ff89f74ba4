package org.membership.directory.member;

import org.membership.directory.system.DirectoryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What both listeners do with a mapped event: apply it (one transaction, committed when
 * this returns, before the listener returns and before the offset is committed), then
 * count and log the outcome.
 */
@Component
class MemberEvents {

	private static final Logger log = LoggerFactory.getLogger(MemberEvents.class);

	private final MemberProjection projection;

	private final DirectoryMetrics metrics;

	MemberEvents(MemberProjection projection, DirectoryMetrics metrics) {
		this.projection = projection;
		this.metrics = metrics;
	}

	void handle(MembershipChange change) {
		Outcome outcome = this.projection.apply(change);
		switch (outcome) {
			case APPLIED -> this.metrics.applied(change.topic());
			case DUPLICATE -> this.metrics.duplicate(change.topic());
			case STALE -> this.metrics.stale(change.topic());
		}
		log.info("{} event {} of application {} version {} (correlation {}): {}", change.topic(), change.eventId(),
				change.applicationId(), change.applicationVersion(), change.correlationId(), outcome);
	}

}
