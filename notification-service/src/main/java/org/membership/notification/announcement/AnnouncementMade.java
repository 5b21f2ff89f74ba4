package org.membership.notification.announcement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.membership.support.tracing.TracedEvent;

/**
 * The in-process event stored in the outbox in the announcement's transaction: everything
 * AnnouncementPublished carries, so the externalization maps it without reading anything
 * back (the outbox's event column is TEXT: a long announcement fits). Its class name and
 * fields are stored with every outstanding publication: renaming either strands them.
 *
 * @param eventId the AnnouncementPublished event's id, the same on every resend
 * @param applicationId the application (the Kafka key)
 * @param applicationVersion the application's version when the membership took effect
 * @param correlationId follows the application through the services
 * @param body paragraphs separated by blank lines
 * @param publishedAt when the announcement was published (also the event's occurredAt)
 * @param link the absolute URL of the announcement's public page
 * @param traceparent the trace context of the consumed event, which the send continues
 */
public record AnnouncementMade(UUID eventId, UUID announcementId, UUID applicationId, long applicationVersion,
		String correlationId, String headline, List<String> summary, String body, Instant publishedAt, String link,
		String traceparent) implements TracedEvent {

}
