package org.membership.onboarding;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The onboarding-service: see docs/onboarding-service.md for what it owns and publishes.
 */
@SpringBootApplication
public class OnboardingApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(OnboardingApplication.class, args);
	}

}
