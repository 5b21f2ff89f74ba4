package org.membership.notification.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as staff see it.
 *
 * @param eventId the event that caused it
 * @param recipient the address ({@code ""} while the contact is not known)
 * @param attempts how many sends were tried
 * @param nextAttemptAt when the next try is due (PENDING)
 * @param lastError why the last try failed
 * @param createdAt when the event was recorded
 * @param sentAt when the SMTP server accepted it
 */
public record Notification(UUID id, UUID eventId, UUID applicationId, NotificationKind kind, String recipient,
		String subject, NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
		Instant createdAt, Instant sentAt) {

}
