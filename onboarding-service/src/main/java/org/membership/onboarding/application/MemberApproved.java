package org.membership.onboarding.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff approved an application.
 *
 * @param eventId unique per event
 * @param occurredAt when
 * @param applicationId the application
 * @param applicationVersion the version after the approval
 * @param correlationId set at submission
 * @param tier the tier granted
 * @param effectiveFrom the first day of membership
 * @param approvedBy the staff user
 * @param organisation snapshot of the organisation
 * @param note staff's note, optional
 */
public record MemberApproved(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, String tier, LocalDate effectiveFrom, String approvedBy, Organisation organisation,
		String note) implements OnboardingEvent {
}
