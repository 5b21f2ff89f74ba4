package org.membership.onboarding.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff approved an application (the contract's MemberApproved).
 *
 * @param tier the tier granted
 * @param effectiveFrom the first day of membership
 * @param approvedBy the staff user
 * @param organisation snapshot of the organisation as approved
 * @param note staff's note, optional
 */
public record ApplicationApproved(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, String tier, LocalDate effectiveFrom, String approvedBy,
		ApplyingOrganisation organisation, String note, String traceparent) implements OnboardingEvent {
}
