package org.membership.notification.announcement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published welcome announcement (plain text; whoever shows it escapes it).
 *
 * @param id its id
 * @param applicationId the membership application it welcomes
 * @param headline the headline
 * @param summary the short summary points
 * @param body paragraphs separated by blank lines
 * @param publishedAt when it was published
 * @param link the absolute URL of its public page
 */
public record Announcement(UUID id, UUID applicationId, String headline, List<String> summary, String body,
		Instant publishedAt, String link) {

	/** The body's paragraphs, for pages that show each in its own element. */
	public List<String> paragraphs() {
		return List.of(this.body.split("\n\n"));
	}

}
