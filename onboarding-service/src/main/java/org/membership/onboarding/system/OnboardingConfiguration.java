package org.membership.onboarding.system;

import java.security.SecureRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One source of randomness for the status tokens and their seals, injected rather than
 * created where used, and scheduling (the effective dates' poll). The clock, the
 * association's settings, problem details and paging come from the support module.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OnboardingConfiguration {

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

}
