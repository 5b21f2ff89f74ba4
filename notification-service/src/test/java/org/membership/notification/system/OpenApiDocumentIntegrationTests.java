package org.membership.notification.system;

import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.OpenApiDocumentCheck;

/** The notification-service's OpenAPI document is the committed one, and public. */
@NotificationIntegrationTest
class OpenApiDocumentIntegrationTests extends OpenApiDocumentCheck {

	@Override
	protected String serviceName() {
		return "notification-service";
	}

}
