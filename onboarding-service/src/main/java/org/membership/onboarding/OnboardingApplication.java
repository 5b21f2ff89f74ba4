package org.membership.onboarding;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The onboarding-service: see DESIGN.md for what it owns, publishes and consumes. */
@SpringBootApplication
public class OnboardingApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(OnboardingApplication.class, args);
	}

}
