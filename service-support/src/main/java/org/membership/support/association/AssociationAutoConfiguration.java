package org.membership.support.association;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The association's settings ({@code membership.association.*}), the one {@code Clock}
 * (tests replace it with their own bean) and "today" in the association's time zone.
 */
@AutoConfiguration
@EnableConfigurationProperties({ AssociationProperties.class, ClockProperties.class })
public class AssociationAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AssociationAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Clock clock(ClockProperties properties) {
		return clock(properties.clockOffset());
	}

	@Bean
	@ConditionalOnMissingBean
	AssociationTime associationTime(Clock clock, AssociationProperties association) {
		return new AssociationTime(clock, association);
	}

	static Clock clock(Duration offset) {
		if (offset.isZero()) {
			return Clock.systemUTC();
		}
		logger.warn("The clock is shifted by {} (membership.clock-offset): not for production", offset);
		return Clock.offset(Clock.systemUTC(), offset);
	}

}
