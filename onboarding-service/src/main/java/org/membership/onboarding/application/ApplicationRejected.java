package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff rejected an application.
 *
 * @param eventId unique per event
 * @param occurredAt when
 * @param applicationId the application
 * @param applicationVersion the version after the rejection
 * @param correlationId set at submission
 * @param reason why, as told to the applicant
 * @param rejectedBy the staff user
 */
public record ApplicationRejected(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, String reason, String rejectedBy) implements OnboardingEvent {
}
