package org.membership.notification.acknowledgement;

import java.time.Instant;
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
	 * @param applicationVersion the application's version after the approval
	 * @param tier the tier code (the mail shows its label)
	 * @param effectiveFrom the first day of membership
	 * @param note staff's optional note to the applicant
	 */
	record Approved(UUID eventId, UUID applicationId, long applicationVersion, String organisationName, String tier,
			LocalDate effectiveFrom, String note) {

	}

	/**
	 * An application was withdrawn before its membership took effect.
	 *
	 * @param applicationVersion the application's version after the withdrawal
	 * @param byStaff whether staff withdrew it (otherwise the applicant did)
	 * @param reason why, when given (staff always give one)
	 * @param withdrawnAt when
	 */
	record Withdrawn(UUID eventId, UUID applicationId, long applicationVersion, boolean byStaff, String reason,
			Instant withdrawnAt) {

	}

	/**
	 * Staff moved the effective date of an approved membership.
	 *
	 * @param applicationVersion the application's version after the change
	 * @param previousEffectiveFrom the date before the change
	 * @param effectiveFrom the new first day of membership
	 * @param reason why, as told to the applicant
	 */
	record EffectiveDateChanged(UUID eventId, UUID applicationId, long applicationVersion, String organisationName,
			LocalDate previousEffectiveFrom, LocalDate effectiveFrom, String reason) {

	}

	/**
	 * Staff rejected an application.
	 *
	 * @param reason why, as told to the applicant
	 */
	record Rejected(UUID eventId, UUID applicationId, String reason) {

	}

}
