package org.membership.onboarding.web;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.membership.onboarding.application.ContactPerson;
import org.membership.onboarding.application.ContactStatement;
import org.membership.onboarding.application.NewApplication;
import org.membership.onboarding.application.ApplyingOrganisation;
import org.membership.onboarding.application.OrganisationType;
import org.membership.support.association.ConfiguredTier;
import org.membership.support.association.IsoCountry;

/**
 * {@code POST /api/applications} and the form at {@code /}: the JSON shape of
 * docs/onboarding-service.md. Unknown fields are rejected by the JSON mapper; these
 * constraints do the rest.
 *
 * @param requestedTier one of the configured tiers
 * @param statement the contact's own words, optional
 */
record ApplicationRequest(@NotNull @Valid OrganisationRequest organisation,
		@NotBlank @ConfiguredTier String requestedTier, @NotNull @Valid ContactRequest contact,
		@Valid StatementRequest statement) {

	/** A line of text: no control characters (no line breaks). */
	static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text without control characters";

	/**
	 * Plain text of one or more lines: no control characters but line breaks (CR, LF).
	 * Character ranges rather than an alternation, which would recurse once per
	 * character.
	 */
	static final String LINES = "[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	static final String LINES_MESSAGE = "must be plain text without control characters other than line breaks";

	record OrganisationRequest(
			@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String name,
			@Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String legalName,
			@NotBlank @IsoCountry String country,
			@NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String city,
			@Size(max = 500) @HttpUrl String website, @NotNull OrganisationType type,
			@PastOrPresent LocalDate foundedOn, @PositiveOrZero @Max(100_000_000) Integer memberCount,
			@Size(max = 2000) String description,
			@Size(max = 300) @Pattern(regexp = LINES, message = LINES_MESSAGE) String aims) {

		ApplyingOrganisation toOrganisation() {
			return new ApplyingOrganisation(name.strip(), blankToNull(legalName), country, city.strip(),
					blankToNull(website), type, foundedOn, memberCount, blankToNull(description), lines(aims));
		}

	}

	record ContactRequest(
			@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String name,
			@Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String role,
			@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
					message = "must be an e-mail address, e.g. name@example.org") String email) {

		ContactPerson toContact() {
			return new ContactPerson(name.strip(), blankToNull(role), email.strip());
		}

	}

	/**
	 * {@code { "text" }}; a blank or missing text is no statement.
	 *
	 * @param text the contact's own words about joining, at most 1,000 characters
	 */
	record StatementRequest(@Size(max = 1000) @Pattern(regexp = LINES, message = LINES_MESSAGE) String text) {

		ContactStatement toStatement() {
			String words = lines(this.text);
			return (words != null) ? new ContactStatement(words) : null;
		}

	}

	NewApplication toNewApplication() {
		return new NewApplication(this.organisation.toOrganisation(), this.requestedTier, this.contact.toContact(),
				(this.statement != null) ? this.statement.toStatement() : null);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** {@link #blankToNull}, with every line break as one LF (a browser sends CR LF). */
	static String lines(String text) {
		String stripped = blankToNull(text);
		return (stripped != null) ? stripped.replaceAll("\\r\\n?", "\n") : null;
	}

}
