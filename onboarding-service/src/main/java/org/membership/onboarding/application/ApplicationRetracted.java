package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An application was withdrawn before it took effect (the contract's
 * ApplicationWithdrawn).
 *
 * @param withdrawnBy the applicant or staff
 * @param reason why, optional for the applicant, always given by staff
 * @param withdrawnAt when it was withdrawn
 */
public record ApplicationRetracted(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, Withdrawer withdrawnBy, String reason, Instant withdrawnAt,
		String traceparent) implements OnboardingEvent {
}
