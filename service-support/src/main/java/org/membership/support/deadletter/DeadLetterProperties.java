package org.membership.support.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a consuming service treats a record that fails.
 *
 * @param retry the bounded exponential back-off before a failing record is dead-lettered
 * @param readTimeout how long listing or replaying may take to read the dead-letter
 * topics
 */
@ConfigurationProperties("membership.dead-letters")
record DeadLetterProperties(@DefaultValue Retry retry, @DefaultValue("15s") Duration readTimeout) {

	/**
	 * Back-off between delivery attempts of a failing record. Records that can never
	 * succeed ({@link InvalidEventException}, bytes that are not a readable event) are
	 * not retried.
	 *
	 * @param initialInterval wait before the first retry
	 * @param multiplier growth of the wait per retry
	 * @param maxInterval longest wait
	 * @param maxRetries retries after the first attempt; then the record is dead-lettered
	 */
	record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2.0") double multiplier,
			@DefaultValue("10s") Duration maxInterval, @DefaultValue("4") int maxRetries) {
	}

}
