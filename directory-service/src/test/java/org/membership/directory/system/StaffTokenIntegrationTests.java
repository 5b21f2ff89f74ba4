package org.membership.directory.system;

import org.membership.directory.DirectoryIntegrationTest;
import org.membership.stack.testing.StaffTokenMatrix;

/** The staff token matrix on the directory's dead letters. */
@DirectoryIntegrationTest
class StaffTokenIntegrationTests extends StaffTokenMatrix {

	@Override
	protected String staffEndpoint() {
		return "/api/dead-letters";
	}

	@Override
	protected String staffPassword() {
		return "test-staff-secret";
	}

}
