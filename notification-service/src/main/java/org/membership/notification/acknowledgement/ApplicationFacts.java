package org.membership.notification.acknowledgement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of the onboarding events that the acknowledgement and decision mails need, as
 * plain records: the listeners map the Avro events to them at the edge.
 */
final class ApplicationFacts {

	private ApplicationFacts() {
	}

	/**
	 * An application arrived.
	 *
	 * @param contactEmail where the acknowledgement and every later mail goes
	 */
	record Received(UUID eventId, UUID applicationId, String organisationName, String contactName,
			String contactEmail) {

	}

	/**
	 * Staff approved an application.
	 *
	 * @param tier the tier code (the mail shows its label)
	 * @param effectiveFrom the first day of membership
	 * @param note staff's optional note to the applicant
	 */
	record Approved(UUID eventId, UUID applicationId, String organisationName, String tier, LocalDate effectiveFrom,
			String note) {

	}

	/**
	 * Staff rejected an application.
	 *
	 * @param reason why, as told to the applicant
	 */
	record Rejected(UUID eventId, UUID applicationId, String reason) {

	}

}
