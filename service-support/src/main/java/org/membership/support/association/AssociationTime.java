package org.membership.support.association;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The association's calendar: "today" is the date in the association's time zone by the
 * injected {@link Clock}, whichever time zone the machine runs in. Decisions, consoles
 * and schedulers ask it rather than one another.
 */
public class AssociationTime {

	private final Clock clock;

	private final ZoneId zone;

	public AssociationTime(Clock clock, AssociationProperties association) {
		this.clock = clock;
		this.zone = association.timeZone();
	}

	/** Today in the association's time zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/** Now, in the association's time zone. */
	public ZonedDateTime now() {
		return ZonedDateTime.now(this.clock.withZone(this.zone));
	}

	/** The association's time zone. */
	public ZoneId zone() {
		return this.zone;
	}

}
