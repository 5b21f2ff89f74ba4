package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff declined (rejected) an application (the contract's ApplicationRejected).
 *
 * @param reason why, as told to the applicant
 * @param rejectedBy the staff user
 */
public record ApplicationDeclined(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, String reason, String rejectedBy, String traceparent) implements OnboardingEvent {
}
