package org.membership.notification.announcement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The texts of a draft as staff write them ({@code PUT /api/announcements/drafts/{id}}
 * and the editor page). Plain text: no markup is interpreted anywhere, a {@code <} stays
 * a {@code <}; the body's paragraphs are separated by blank lines.
 *
 * @param headline one line
 * @param summary one to three highlights, one line each
 * @param body paragraphs separated by blank lines
 * @param quotes what people said, in the order shown; none when absent
 */
public record DraftEdit(
		@NotBlank @Size(max = HEADLINE) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String headline,
		@NotNull @Size(min = 1,
				max = 3) List<@NotBlank @Size(max = HIGHLIGHT) @Pattern(regexp = ONE_LINE,
						message = ONE_LINE_MESSAGE) String> summary,
		@NotBlank @Size(max = BODY) String body, @Size(max = QUOTES) List<@NotNull @Valid QuoteEdit> quotes) {

	/** The longest headline. */
	public static final int HEADLINE = 200;

	/** The longest highlight. */
	public static final int HIGHLIGHT = 300;

	/** The longest body. */
	public static final int BODY = 10_000;

	/** The most quotes. */
	public static final int QUOTES = 5;

	/** The longest quote. */
	public static final int QUOTE = 1_500;

	/** The longest name or role. */
	public static final int NAME = 200;

	static final String ONE_LINE = "[^\\r\\n]*";

	static final String ONE_LINE_MESSAGE = "must be one line";

	public DraftEdit {
		quotes = (quotes != null) ? quotes : List.of();
	}

	/**
	 * One quote.
	 *
	 * @param text what they said (plain text)
	 * @param by who said it
	 * @param role their role, e.g. "President of DIGITAL SME"; optional
	 */
	public record QuoteEdit(@NotBlank @Size(max = QUOTE) String text,
			@NotBlank @Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String by,
			@Size(max = NAME) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String role) {

	}

	/** The texts as stored: trimmed, line breaks as {@code \n}. */
	DraftEdit normalised() {
		return new DraftEdit(this.headline.strip(), this.summary.stream().map(String::strip).toList(),
				this.body.replace("\r\n", "\n").strip(),
				this.quotes.stream()
					.map((quote) -> new QuoteEdit(quote.text().replace("\r\n", "\n").strip(), quote.by().strip(),
							(quote.role() != null) ? quote.role().strip() : ""))
					.toList());
	}

	List<Announcement.Quote> quoteList() {
		return this.quotes.stream()
			.map((quote) -> new Announcement.Quote(quote.text(), quote.by(), quote.role()))
			.toList();
	}

}
