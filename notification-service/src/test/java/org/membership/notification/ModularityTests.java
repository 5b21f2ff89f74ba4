package org.membership.notification;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are Spring Modulith modules: no cycles, no use of another module's
 * internals (only the types in a module's own package are its API), and {@code system}
 * depends on no feature (declared in its package-info).
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(NotificationApplication.class);

	@Test
	void everyPackageOfTheServiceIsAModule() {
		// a verify() that passes because it found no modules would prove nothing
		assertThat(this.modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("acknowledgement",
				"announcement", "mail", "system", "web");
	}

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

}
