package org.membership.notification.system;

import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.StaffTokenMatrix;

/** The staff token matrix on the notification service's list of mails. */
@NotificationIntegrationTest
class StaffTokenIntegrationTests extends StaffTokenMatrix {

	@Override
	protected String staffEndpoint() {
		return "/api/notifications";
	}

	@Override
	protected String staffPassword() {
		return NotificationIntegrationTest.STAFF_PASSWORD;
	}

}
