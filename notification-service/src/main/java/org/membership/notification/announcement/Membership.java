package org.membership.notification.announcement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved or effective membership: the facts of MemberApproved or MembershipEffective
 * the announcement is written from.
 *
 * @param applicationVersion the application's version after the event
 * @param correlationId follows the application through the services
 * @param tier the tier code
 * @param effectiveFrom the first day of membership
 */
public record Membership(UUID eventId, UUID applicationId, long applicationVersion, String correlationId,
		Organisation organisation, String tier, LocalDate effectiveFrom) {

	/**
	 * The organisation as the event describes it (optional facts are {@code null}).
	 *
	 * @param name the name it is known by
	 * @param legalName the registered name
	 * @param country ISO 3166-1 alpha-2 code
	 * @param city the city of its seat
	 * @param type what kind of organisation, e.g. CLUSTER
	 * @param description what it does, in its own words
	 * @param aims what it aims for as a member, in its own words
	 */
	public record Organisation(String name, String legalName, String country, String city, String website, String type,
			LocalDate foundedOn, Integer memberCount, String description, String aims) {

	}

}
