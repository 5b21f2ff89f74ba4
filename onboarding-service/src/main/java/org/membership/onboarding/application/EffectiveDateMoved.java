package org.membership.onboarding.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff moved the effective date of an approved application that has not taken effect
 * (the contract's EffectiveDateChanged). Carries the approval's snapshot, so that a
 * consumer that has not seen the approval yet can apply it.
 *
 * @param previousEffectiveFrom the date before the change
 * @param effectiveFrom the new first day of membership
 * @param reason why, e.g. the board's decision
 * @param changedBy the staff user
 * @param tier the tier granted at the approval
 * @param organisation snapshot of the organisation as approved
 */
public record EffectiveDateMoved(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, LocalDate previousEffectiveFrom, LocalDate effectiveFrom, String reason, String changedBy,
		String tier, ApplyingOrganisation organisation, String traceparent) implements OnboardingEvent {
}
