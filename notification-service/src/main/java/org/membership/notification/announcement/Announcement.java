package org.membership.notification.announcement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published welcome announcement (plain text; whoever shows it escapes it).
 *
 * @param body paragraphs separated by blank lines
 * @param link the absolute URL of its public page
 */
public record Announcement(UUID id, UUID applicationId, String headline, List<String> summary, String body,
		Instant publishedAt, String link) {

	/** The body's paragraphs, for pages that show each in its own element. */
	public List<String> paragraphs() {
		return List.of(this.body.split("\n\n"));
	}

}
