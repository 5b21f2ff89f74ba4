package org.membership.notification.acknowledgement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of the onboarding events that the acknowledgement and decision mails need.
 */
final class Applications {

	private Applications() {
	}

	/**
	 * An application arrived.
	 *
	 * @param eventId the event
	 * @param applicationId the application
	 * @param organisationName the organisation applying
	 * @param contactName the contact person
	 * @param contactEmail where to write
	 */
	record Received(UUID eventId, UUID applicationId, String organisationName, String contactName,
			String contactEmail) {

	}

	/**
	 * Staff approved an application.
	 *
	 * @param eventId the event
	 * @param applicationId the application
	 * @param organisationName the organisation
	 * @param tier the tier code
	 * @param effectiveFrom the first day of membership
	 * @param note the optional note of staff
	 */
	record Approved(UUID eventId, UUID applicationId, String organisationName, String tier, LocalDate effectiveFrom,
			String note) {

	}

	/**
	 * Staff rejected an application.
	 *
	 * @param eventId the event
	 * @param applicationId the application
	 * @param reason why, as told to the applicant
	 */
	record Rejected(UUID eventId, UUID applicationId, String reason) {

	}

}
