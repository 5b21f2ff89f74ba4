package org.membership.onboarding;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every direct sub-package of {@code org.membership.onboarding} is a Spring Modulith
 * application module, whose API is the types of its base package.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(OnboardingApplication.class);

	@Test
	void modulesFormNoCycleAndUseOnlyEachOthersApi() {
		modules.verify();
	}

	@Test
	void systemDependsOnNoFeature() {
		ApplicationModule system = modules.getModuleByName("system").orElseThrow();

		assertThat(system.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName)).isEmpty();
	}

	@Test
	void theFeaturesAreModules() {
		assertThat(modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("application",
				"decision", "schedule", "outbox", "review", "statuslink", "timeline", "web", "system");
	}

}
