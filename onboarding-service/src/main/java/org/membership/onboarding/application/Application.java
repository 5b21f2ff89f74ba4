package org.membership.onboarding.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application as stored.
 *
 * @param id also the Kafka key of its events
 * @param version grows with every state change
 * @param correlationId set at submission, carried on by every event
 * @param decision the staff decision, {@code null} while undecided
 * @param effectiveAt when the membership took effect, {@code null} before
 * @param withdrawal how it was withdrawn, {@code null} unless WITHDRAWN
 * @param statement the contact's own words, {@code null} when none were given
 */
public record Application(UUID id, ApplicationStatus status, long version, String correlationId,
		ApplyingOrganisation organisation, String requestedTier, ContactPerson contact, Instant submittedAt,
		Decision decision, Instant effectiveAt, Withdrawal withdrawal, ContactStatement statement) {

	/**
	 * A staff decision.
	 *
	 * @param tier the tier granted (approvals)
	 * @param effectiveFrom the first day of membership (approvals)
	 * @param note staff's note (approvals), optional
	 * @param reason why it was rejected (rejections)
	 * @param decidedBy the staff user
	 */
	public record Decision(String tier, LocalDate effectiveFrom, String note, String reason, String decidedBy,
			Instant decidedAt) {
	}

	/**
	 * A withdrawal.
	 *
	 * @param by the applicant or staff
	 * @param actor {@code applicant} or the staff user
	 * @param reason why, optional for the applicant
	 */
	public record Withdrawal(Withdrawer by, String actor, String reason, Instant withdrawnAt) {
	}

}
