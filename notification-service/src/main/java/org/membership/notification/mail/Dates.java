package org.membership.notification.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates read in mails and announcements: "1 January 2023", "October 2012". */
public final class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

	private Dates() {
	}

	public static String day(LocalDate date) {
		return (date != null) ? DAY.format(date) : null;
	}

	public static String month(LocalDate date) {
		return (date != null) ? MONTH.format(date) : null;
	}

}
