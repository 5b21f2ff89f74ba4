package org.membership.notification.announcement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A membership that has taken effect: the facts of MembershipEffective the announcement
 * is written from.
 *
 * @param eventId the event
 * @param applicationId the application
 * @param applicationVersion the application's version after the event
 * @param correlationId follows the application through the services
 * @param organisation the organisation snapshot
 * @param tier the tier code
 * @param effectiveFrom the first day of membership
 */
record Membership(UUID eventId, UUID applicationId, long applicationVersion, String correlationId,
		Organisation organisation, String tier, LocalDate effectiveFrom) {

	/**
	 * The organisation as the event describes it (optional facts are {@code null}).
	 *
	 * @param name the name it is known by
	 * @param legalName the registered name
	 * @param country ISO 3166-1 alpha-2 code
	 * @param city the city of its seat
	 * @param website its website
	 * @param type what kind of organisation, e.g. CLUSTER
	 * @param foundedOn when it was founded
	 * @param memberCount how many members it has
	 * @param description what it does, in its own words
	 */
	record Organisation(String name, String legalName, String country, String city, String website, String type,
			LocalDate foundedOn, Integer memberCount, String description) {

	}

}
