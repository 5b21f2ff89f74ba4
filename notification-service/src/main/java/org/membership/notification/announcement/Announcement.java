package org.membership.notification.announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A welcome announcement, draft or published (plain text everywhere; whoever shows it
 * escapes it). The JSON of the API is its components but the boilerplate.
 *
 * @param summary the highlights, one line each
 * @param body paragraphs separated by blank lines
 * @param quotes what people said, shown after the body
 * @param publishedAt when it was published; {@code null} while it is not
 * @param link the absolute URL of its public page (which answers once it is published)
 * @param boilerplate the association's closing paragraph, after the quotes; written from
 * its template, not edited
 */
public record Announcement(UUID id, UUID applicationId, String headline, List<String> summary, String body,
		List<Quote> quotes, Instant publishedAt, String link, Status status, @JsonIgnore String boilerplate) {

	/** Where an announcement is in its life. */
	public enum Status {

		/** Written, maybe edited; seen by staff only. */
		DRAFT,

		/** On the page, in the feed and on the topic; no longer edited. */
		PUBLISHED,

		/** The application was withdrawn before the announcement was published. */
		CANCELLED

	}

	/**
	 * A quote, attributed to a person.
	 *
	 * @param text what they said
	 * @param by their name
	 * @param role their role, e.g. "CEO of CLUJ IT Cluster"; may be empty
	 */
	public record Quote(String text, String by, String role) {

		/** "Andrei Kelemen, CEO of CLUJ IT Cluster". */
		public String attribution() {
			return (this.role == null || this.role.isBlank()) ? this.by : this.by + ", " + this.role;
		}

		/** The quote's paragraphs, for pages that show each in its own element. */
		public List<String> lines() {
			return paragraphs(this.text.replace("\n", "\n\n"));
		}

		/** The quote as one paragraph of plain text. */
		public String paragraph() {
			return "“" + this.text.strip().replaceAll("\\s+", " ") + "” – " + attribution();
		}

	}

	/** The body's paragraphs, for pages that show each in its own element. */
	public List<String> paragraphs() {
		return paragraphs(this.body);
	}

	/**
	 * The whole text as one plain text, paragraphs separated by blank lines: the body,
	 * the quotes, the boilerplate. It is what the feed and AnnouncementPublished carry
	 * (the event has no field for quotes).
	 */
	public String fullText() {
		List<String> all = new ArrayList<>(paragraphs());
		this.quotes.stream().map(Quote::paragraph).forEach(all::add);
		if (this.boilerplate != null && !this.boilerplate.isBlank()) {
			all.add(this.boilerplate);
		}
		return String.join("\n\n", all);
	}

	/** Plain text's paragraphs: separated by blank lines, line breaks kept within. */
	static List<String> paragraphs(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.replace("\r\n", "\n").split("\n[ \t]*\n"))
			.map(String::strip)
			.filter((paragraph) -> !paragraph.isEmpty())
			.toList();
	}

}
