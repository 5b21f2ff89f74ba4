package org.membership.notification.announcement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.membership.notification.mail.Dates;
import org.membership.support.association.AssociationProperties;

import org.springframework.stereotype.Component;

/**
 * Writes the welcome announcement from the configured templates. The result is plain
 * text: pages, feed and mails escape it where they show it.
 */
@Component
class AnnouncementWriter {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private final AnnouncementProperties templates;

	private final AssociationProperties association;

	AnnouncementWriter(AnnouncementProperties templates, AssociationProperties association) {
		this.templates = templates;
		this.association = association;
	}

	/**
	 * The texts of the membership's announcement as of {@code today}: "will join" before
	 * its first day, "joins" from it.
	 */
	Text write(Membership membership, LocalDate today) {
		Map<String, String> facts = facts(membership);
		facts.put("joins",
				membership.effectiveFrom().isAfter(today) ? this.templates.willJoin() : this.templates.joins());
		String headline = fill(this.templates.headline(), facts)
			.orElseThrow(() -> new IllegalStateException("The headline template needs facts every event has"));
		List<String> summary = new ArrayList<>();
		for (List<String> alternatives : this.templates.summary()) {
			alternatives.stream()
				.map((template) -> fill(template, facts))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent(summary::add);
		}
		List<String> paragraphs = new ArrayList<>();
		for (List<String> sentences : this.templates.body()) {
			List<String> filled = sentences.stream().map((s) -> fill(s, facts)).flatMap(Optional::stream).toList();
			if (!filled.isEmpty()) {
				paragraphs.add(String.join(" ", filled));
			}
		}
		List<String> boilerplate = this.templates.boilerplate()
			.stream()
			.map((s) -> fill(s, facts))
			.flatMap(Optional::stream)
			.toList();
		return new Text(headline, summary, String.join("\n\n", paragraphs), String.join(" ", boilerplate));
	}

	/**
	 * The contact's statement as a quote, attributed to their name and role; empty
	 * without a statement or a name.
	 */
	Optional<Announcement.Quote> quote(Statement statement) {
		if (statement == null || isBlank(statement.text()) || isBlank(statement.contactName())) {
			return Optional.empty();
		}
		Map<String, String> facts = new HashMap<>();
		facts.put("role", oneLine(statement.contactRole()));
		facts.put("organisation", oneLine(statement.organisationName()));
		String role = this.templates.quoteRole()
			.stream()
			.map((template) -> fill(template, facts))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse("");
		return Optional.of(new Announcement.Quote(statement.text().strip(), oneLine(statement.contactName()), role));
	}

	/**
	 * The text as of the membership's first day: the words of {@code willJoin} become
	 * those of {@code joins} (staff who rewrote the sentence keep their words).
	 */
	String asOfFirstDay(String text) {
		return text.replaceAll("\\b" + Pattern.quote(this.templates.willJoin()) + "\\b",
				Matcher.quoteReplacement(this.templates.joins()));
	}

	/** The text with one date replaced by another, as the announcement writes dates. */
	static String redate(String text, LocalDate from, LocalDate to) {
		return text.replace(Dates.day(from), Dates.day(to));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String oneLine(String value) {
		return (value != null) ? value.strip().replaceAll("\\s+", " ") : null;
	}

	private Map<String, String> facts(Membership membership) {
		Membership.Organisation organisation = membership.organisation();
		Map<String, String> facts = new HashMap<>();
		facts.put("associationName", this.association.name());
		facts.put("shortName", this.association.shortName());
		facts.put("organisation", organisation.name());
		facts.put("legalName", organisation.legalName());
		facts.put("tier", this.association.tierLabel(membership.tier()));
		facts.put("aTier", this.association.tierWithArticle(membership.tier()));
		facts.put("city", organisation.city());
		facts.put("countryName", countryName(organisation.country()));
		facts.put("foundedMonth", Dates.month(organisation.foundedOn()));
		facts.put("foundedYear",
				(organisation.foundedOn() != null) ? String.valueOf(organisation.foundedOn().getYear()) : null);
		facts.put("memberCount", (organisation.memberCount() != null)
				? String.format(Locale.ENGLISH, "%,d", organisation.memberCount()) : null);
		facts.put("description", sentence(organisation.description()));
		facts.put("aims", sentence(organisation.aims()));
		facts.put("effectiveFrom", Dates.day(membership.effectiveFrom()));
		facts.put("website", organisation.website());
		// a summary point is one line, whatever the applicant typed
		facts.replaceAll((name, value) -> (value != null) ? value.strip().replaceAll("\\s+", " ") : null);
		return facts;
	}

	/** The template with its placeholders filled, or empty when a fact is unknown. */
	static Optional<String> fill(String template, Map<String, String> facts) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = facts.get(matcher.group(1));
			if (value == null || value.isBlank()) {
				return Optional.empty();
			}
			// one pass over the template: braces in the organisation's own text stay text
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return Optional.of(result.toString());
	}

	private static String countryName(String code) {
		if (code == null) {
			return null;
		}
		String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
		return name.isBlank() ? code : name;
	}

	/** User text as one sentence: trimmed, on one line, ending with a full stop. */
	private static String sentence(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String line = text.strip().replaceAll("\\s+", " ");
		return line.matches(".*[.!?]$") ? line : line + ".";
	}

	/**
	 * A written announcement.
	 *
	 * @param body paragraphs separated by blank lines
	 * @param boilerplate the closing paragraph; empty when none is configured
	 */
	record Text(String headline, List<String> summary, String body, String boilerplate) {

	}

}
