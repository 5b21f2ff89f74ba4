package org.membership.notification.announcement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again what the outbox could not send (broker down, crash before the send): Spring
 * Modulith has no periodic retry of its own. Only publications older than any send still
 * in flight are taken, so a healthy send is not duplicated; a duplicate after a crash is
 * possible and carries the same eventId.
 */
@Component
class OutboxResubmission {

	private final IncompleteEventPublications incomplete;

	private final OutboxProperties properties;

	OutboxResubmission(IncompleteEventPublications incomplete, OutboxProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${membership.outbox.resubmit-interval}",
			initialDelayString = "${membership.outbox.resubmit-interval}")
	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
	}

	/**
	 * @param resubmitInterval how often to look
	 * @param resubmitOlderThan the age from which an incomplete publication is sent again
	 */
	@ConfigurationProperties("membership.outbox")
	record OutboxProperties(java.time.Duration resubmitInterval, java.time.Duration resubmitOlderThan) {

	}

}
