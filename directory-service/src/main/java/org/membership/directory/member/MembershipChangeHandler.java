package org.membership.directory.member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Applies the event either listener mapped to the directory, then counts and logs the
 * outcome. The projection's transaction has committed when this returns, so the listener
 * returns, and the container commits the offset, only after the change is stored.
 * <p>
 * An event whose insert lost a race is applied again at once: the consumer of another
 * topic created the application's row at the same moment (an approval effective today
 * publishes MemberApproved and MembershipEffective together). The second attempt finds
 * the row, so it cannot lose the same race again. Left to the container's error handler,
 * the retry would wait its back-off (1 s), and every later record of the topic with it.
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
		Outcome outcome;
		try {
			outcome = this.projection.apply(change);
		}
		catch (DuplicateKeyException ex) {
			logger.debug("{} event {} of application {} raced another insert; applying it again", change.topic(),
					change.eventId(), change.applicationId());
			outcome = this.projection.apply(change);
		}
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
