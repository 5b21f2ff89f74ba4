package org.membership.directory.member;

import org.membership.events.ApplicationWithdrawn;
import org.membership.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn application: dropped from the joining list, and never listed afterwards,
 * whatever of its other events arrives later.
 */
@Component
class ApplicationWithdrawnListener {

	static final String ID = "application-withdrawn";

	private final MembershipChangeHandler handler;

	ApplicationWithdrawnListener(MembershipChangeHandler handler) {
		this.handler = handler;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.APPLICATION_WITHDRAWN)
	void on(ApplicationWithdrawn event) {
		this.handler.handle(change(event));
	}

	/** The event as a plain record (also for a rebuild's replay). */
	static MembershipChange change(ApplicationWithdrawn event) {
		return new MembershipChange(event.getEventId(), Topics.APPLICATION_WITHDRAWN, event.getApplicationId(),
				event.getApplicationVersion(), event.getCorrelationId(), MemberStatus.WITHDRAWN, null, null, null);
	}

}
