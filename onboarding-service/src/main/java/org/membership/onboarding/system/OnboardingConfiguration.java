package org.membership.onboarding.system;

import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.scheduling.annotation.EnableScheduling;

import static org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO;

/**
 * Time and randomness as beans (tests replace them), scheduling, and Spring Data's paged
 * JSON ({@code PagedModel}: content + page).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSpringDataWebSupport(pageSerializationMode = VIA_DTO)
@EnableConfigurationProperties({ AssociationProperties.class, OnboardingProperties.class })
class OnboardingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(OnboardingConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Clock clock(OnboardingProperties properties) {
		if (properties.clockOffset().isZero()) {
			return Clock.systemUTC();
		}
		logger.warn("The clock is shifted by {} (membership.onboarding.clock-offset): not for production",
				properties.clockOffset());
		return Clock.offset(Clock.systemUTC(), properties.clockOffset());
	}

	@Bean
	@ConditionalOnMissingBean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

}
