package org.membership.notification.announcement;

import java.time.LocalDate;

/**
 * An announcement as staff work on it: its texts and status, and what goes with them.
 *
 * @param version grows with every change; the draft's ETag
 * @param effectiveFrom the membership's first day: the date of the "will join" text and
 * of the automatic publication
 * @param organisationName the new member, as staff recognise the draft
 * @param tier the tier code of the membership
 * @param applicationVersion the application's version the row last followed
 * @param updatedBy the member of staff who edited it last; {@code null} when never edited
 */
public record Draft(Announcement announcement, long version, LocalDate effectiveFrom, String organisationName,
		String tier, long applicationVersion, String correlationId, String updatedBy) {

	/** The strong ETag of this version. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

}
