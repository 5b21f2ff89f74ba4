package org.membership.onboarding.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved membership took effect, once per application (the contract's
 * MembershipEffective).
 *
 * @param effectiveFrom the first day of membership
 * @param organisation snapshot of the organisation as approved
 */
public record MembershipTookEffect(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, String tier, LocalDate effectiveFrom, ApplyingOrganisation organisation,
		String traceparent) implements OnboardingEvent {
}
