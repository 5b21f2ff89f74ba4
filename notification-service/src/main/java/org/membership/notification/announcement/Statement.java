package org.membership.notification.announcement;

import java.util.UUID;

/**
 * What ApplicationReceived says about the contact that the announcement quotes.
 *
 * @param contactName who applied
 * @param contactRole their role in the organisation; may be {@code null}
 * @param organisationName the organisation, for the attribution
 * @param text the contact's own words about joining; {@code null} when they gave none
 */
public record Statement(UUID applicationId, String contactName, String contactRole, String organisationName,
		String text) {

}
