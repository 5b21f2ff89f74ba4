package org.membership.directory.system;

import org.membership.directory.DirectoryIntegrationTest;
import org.membership.stack.testing.OpenApiDocumentCheck;

/** The directory-service's OpenAPI document is the committed one, and public. */
@DirectoryIntegrationTest
class OpenApiDocumentIntegrationTests extends OpenApiDocumentCheck {

	@Override
	protected String serviceName() {
		return "directory-service";
	}

}
