package org.membership.onboarding.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.onboarding.system.OnboardingProperties;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again what is still in the outbox: publications that a broker outage failed, or
 * that a crash left half-done, once they are older than
 * {@code membership.onboarding.outbox.resubmit-older-than} (well above the producer's
 * delivery timeout, so a send still under way is rarely sent twice). Each publication is
 * claimed in the database before it is resubmitted, so instances do not resend the same
 * one at once; consumers de-duplicate on eventId all the same (at-least-once).
 */
@Component
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	OutboxRelay(IncompleteEventPublications incomplete, OnboardingProperties properties) {
		this.incomplete = incomplete;
		this.olderThan = properties.outbox().resubmitOlderThan();
	}

	@Scheduled(fixedDelayString = "${membership.onboarding.outbox.resubmit-interval:30s}",
			initialDelayString = "${membership.onboarding.outbox.resubmit-interval:30s}")
	void resubmitIncomplete() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.olderThan);
		}
		catch (RuntimeException ex) {
			logger.warn("Resubmitting incomplete event publications failed; retried at the next run", ex);
		}
	}

}
