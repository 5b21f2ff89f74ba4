package org.membership.onboarding.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved membership took effect (published once per application).
 *
 * @param eventId unique per event
 * @param occurredAt when
 * @param applicationId the application
 * @param applicationVersion the version after the change
 * @param correlationId set at submission
 * @param tier the tier
 * @param effectiveFrom the first day of membership
 * @param organisation snapshot of the organisation as approved
 */
public record MembershipEffective(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, String tier, LocalDate effectiveFrom,
		Organisation organisation) implements OnboardingEvent {
}
