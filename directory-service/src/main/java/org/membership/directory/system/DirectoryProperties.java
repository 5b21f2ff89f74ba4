package org.membership.directory.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory-service itself.
 *
 * @param retry the bounded exponential back-off before a failing record is dead-lettered
 */
@ConfigurationProperties("membership.directory")
public record DirectoryProperties(@DefaultValue Retry retry) {

	/**
	 * Back-off between delivery attempts of a failing record.
	 *
	 * @param initialInterval wait before the first retry
	 * @param multiplier growth of the wait per retry
	 * @param maxInterval longest wait
	 * @param maxRetries retries after the first attempt; then the record is dead-lettered
	 */
	public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2.0") double multiplier,
			@DefaultValue("10s") Duration maxInterval, @DefaultValue("4") int maxRetries) {
	}

}
