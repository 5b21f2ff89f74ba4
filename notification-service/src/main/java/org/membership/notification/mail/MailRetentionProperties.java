package org.membership.notification.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the texts of sent mails are kept
 * ({@code membership.notification.retention.*}).
 *
 * @param bodies how long after it was sent a mail keeps its text, HTML and template
 * variables; then they are blanked and only the row stays
 * @param interval how often the retention job runs
 * @param batchSize rows blanked per statement, so that one run never holds many locks
 */
@ConfigurationProperties("membership.notification.retention")
record MailRetentionProperties(@DefaultValue("30d") Duration bodies, @DefaultValue("1h") Duration interval,
		@DefaultValue("500") int batchSize) {

	MailRetentionProperties {
		if (bodies.isNegative() || bodies.isZero()) {
			throw new IllegalArgumentException(
					"membership.notification.retention.bodies must be positive, not " + bodies);
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"membership.notification.retention.interval must be positive, not " + interval);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException(
					"membership.notification.retention.batch-size must be at least 1, not " + batchSize);
		}
	}

}
