package org.membership.notification.mail;

import java.util.Map;
import java.util.UUID;

/**
 * A mail to send because of one event.
 *
 * @param eventId the event that causes it (with the kind: the once-only key)
 * @param recipient the address; {@code null} for "the application's contact", resolved
 * from what {@link ContactBook} knows
 * @param model template variables (user text in them is escaped by the HTML template)
 */
public record NotificationRequest(UUID eventId, UUID applicationId, NotificationKind kind, String recipient,
		Map<String, Object> model) {

}
