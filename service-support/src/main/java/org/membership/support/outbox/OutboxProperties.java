package org.membership.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay's settings ({@code membership.outbox.*}).
 *
 * @param resubmitInterval how often the relay looks for publications to send again
 * @param resubmitOlderThan the age from which an incomplete publication is sent again:
 * above the longest a send may still be under way ({@code max.block.ms} +
 * {@code delivery.timeout.ms} of the producer, 35 s by default), so that a send in
 * progress is not sent a second time
 */
@ConfigurationProperties("membership.outbox")
record OutboxProperties(@DefaultValue("30s") Duration resubmitInterval,
		@DefaultValue("1m") Duration resubmitOlderThan) {

	OutboxProperties {
		if (resubmitInterval.isNegative() || resubmitInterval.isZero()) {
			throw new IllegalArgumentException(
					"membership.outbox.resubmit-interval must be positive, not " + resubmitInterval);
		}
		if (resubmitOlderThan.isNegative()) {
			throw new IllegalArgumentException(
					"membership.outbox.resubmit-older-than must not be negative, not " + resubmitOlderThan);
		}
	}

}
