package org.membership.onboarding.system;

import java.security.SecureRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One source of randomness for the status tokens and their seals, injected rather than
 * created where used, scheduling (the effective dates' and the review digest's polls) and
 * the sender of the service's own mails. The clock, the association's settings, problem
 * details and paging come from the support module.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MailProperties.class)
class OnboardingConfiguration {

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

}
