package org.membership.onboarding.timeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much reading one timeline may cost.
 *
 * @param maxRecords the records read at most, of every application on the partitions that
 * hold the application's key (those of others count too)
 * @param maxTime how long reading may take, Kafka's and the registry's answers included
 * @param startMargin how long before the application's submission reading starts, for
 * clocks that disagree (the record timestamps are the producers' clocks)
 */
@ConfigurationProperties("membership.onboarding.timeline")
public record TimelineProperties(@DefaultValue("10000") int maxRecords, @DefaultValue("5s") Duration maxTime,
		@DefaultValue("5m") Duration startMargin) {

	public TimelineProperties {
		if (maxRecords < 1) {
			throw new IllegalArgumentException("membership.onboarding.timeline.max-records must be at least 1");
		}
		if (maxTime.isNegative() || maxTime.isZero()) {
			throw new IllegalArgumentException("membership.onboarding.timeline.max-time must be positive");
		}
		if (startMargin.isNegative()) {
			throw new IllegalArgumentException("membership.onboarding.timeline.start-margin must not be negative");
		}
	}

}
