package org.membership.onboarding.system;

import java.security.SecureRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Randomness as a bean (tests replace it) and scheduling. The clock, the association's
 * settings, problem details and paging come from the support module.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OnboardingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

}
