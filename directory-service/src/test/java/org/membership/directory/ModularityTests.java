package org.membership.directory;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are modules: no cycles between them, and none reaches into
 * another's sub-packages or uses what it keeps to itself.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(DirectoryApplication.class);

	@Test
	void theModulesRespectTheirBoundaries() {
		this.modules.verify();
	}

}
