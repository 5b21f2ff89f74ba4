package org.membership.directory.member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies the event either listener mapped to the directory, then counts and logs the
 * outcome. The projection's transaction has committed when this returns, so the listener
 * returns, and the container commits the offset, only after the change is stored.
 */
@Component
class MembershipChangeHandler {

	private static final Logger logger = LoggerFactory.getLogger(MembershipChangeHandler.class);

	private final MemberProjection projection;

	private final DirectoryMetrics metrics;

	MembershipChangeHandler(MemberProjection projection, DirectoryMetrics metrics) {
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
		// the correlation id is the trace id, already in the line
		logger.info("{} event {} of application {} version {}: {}", change.topic(), change.eventId(),
				change.applicationId(), change.applicationVersion(), outcome);
	}

}
