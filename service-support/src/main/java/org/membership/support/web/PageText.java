package org.membership.support.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write what the code holds: enum constants as words ("Research institute", not
 * {@code RESEARCH_INSTITUTE}), counts with the right plural ("1 member", "2 members"),
 * instants in the association's time zone with the zone named, and ages ("3 days ago").
 * Templates read it as {@code text}; the same words on every service's pages.
 */
public final class PageText {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz",
			Locale.ENGLISH);

	private final Clock clock;

	private final ZoneId zone;

	PageText(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	/** An enum constant or code as a word: {@code PUBLIC_BODY} is "Public body". */
	public String label(Object constant) {
		if (constant == null) {
			return "";
		}
		String words = ((constant instanceof Enum<?> e) ? e.name() : constant.toString()).replace('_', ' ')
			.toLowerCase(Locale.ENGLISH);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** "1 member", "2 members", "0 members"; {@code plural} for irregular words. */
	public String count(long count, String singular, String plural) {
		return String.format(Locale.ENGLISH, "%,d %s", count, (count == 1) ? singular : plural);
	}

	/** "1 member", "2 members": a count with the noun's regular plural. */
	public String count(long count, String singular) {
		return count(count, singular, singular + "s");
	}

	/**
	 * An instant in the association's time zone, the zone named: "30 Nov 2026, 14:05
	 * CET".
	 */
	public String dateTime(Instant instant) {
		return (instant != null) ? DAY_TIME.format(instant.atZone(this.zone)) : "";
	}

	/** The day of an instant in the association's time zone: "30 November 2026". */
	public String date(Instant instant) {
		return (instant != null) ? DAY.format(instant.atZone(this.zone)) : "";
	}

	/** A date as words: "30 November 2026". */
	public String date(LocalDate date) {
		return (date != null) ? DAY.format(date) : "";
	}

	/**
	 * How long ago an instant was, in the largest whole unit: "just now", "3 hours ago".
	 */
	public String age(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, this.clock.instant());
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return count(age.toMinutes(), "minute") + " ago";
		}
		if (age.toDays() < 1) {
			return count(age.toHours(), "hour") + " ago";
		}
		return count(age.toDays(), "day") + " ago";
	}

}
