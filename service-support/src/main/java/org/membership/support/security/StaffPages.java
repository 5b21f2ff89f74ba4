package org.membership.support.security;

import java.util.List;

/**
 * Pages that service-support itself serves to staff (the dead letters): they need STAFF
 * in every service, ahead of its {@link StaffSecurityRules}, and they bring the form
 * login ({@code /login}, a session, CSRF tokens) to a service that has no staff console
 * of its own, so that a member of staff opens them in a browser like the console. The
 * package that serves such pages declares one bean of this type.
 *
 * @param home where a form login lands when no page was asked for first (the console's
 * home wins on a service with a console)
 * @param patterns path patterns of the pages, e.g. {@code /staff/dead-letters/**}
 */
public record StaffPages(String home, List<String> patterns) {

	public StaffPages {
		patterns = List.copyOf(patterns);
	}

	/** These pages need STAFF; a login lands on {@code home}. */
	public static StaffPages paths(String home, String... patterns) {
		return new StaffPages(home, List.of(patterns));
	}

}
