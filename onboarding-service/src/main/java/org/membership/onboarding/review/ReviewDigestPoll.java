package org.membership.onboarding.review;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background poll of {@link ReviewDigest}, every
 * {@code membership.onboarding.review-digest.poll-interval}. A bean of its own so that
 * {@code membership.onboarding.review-digest.poll-enabled=false} leaves no poll at all:
 * for a test that makes the calls itself, or an instance that must not send the digest.
 */
@Component
@ConditionalOnProperty(name = "membership.onboarding.review-digest.poll-enabled", havingValue = "true",
		matchIfMissing = true)
class ReviewDigestPoll {

	private final ReviewDigest digest;

	ReviewDigestPoll(ReviewDigest digest) {
		this.digest = digest;
	}

	@Scheduled(fixedDelayString = "${membership.onboarding.review-digest.poll-interval:1m}",
			initialDelayString = "${membership.onboarding.review-digest.initial-delay:10s}")
	void poll() {
		try {
			this.digest.sendIfDue();
		}
		catch (RuntimeException ex) {
			// logged by the digest; the next poll tries again
		}
	}

}
