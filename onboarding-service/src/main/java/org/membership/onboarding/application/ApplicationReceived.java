package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation submitted an application.
 *
 * @param eventId unique per event
 * @param occurredAt when
 * @param applicationId the application
 * @param applicationVersion always 1
 * @param correlationId set at submission
 * @param organisation the organisation
 * @param requestedTier the tier asked for
 * @param contact the contact person
 * @param submittedAt when the form was submitted
 */
public record ApplicationReceived(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, Organisation organisation, String requestedTier, Contact contact,
		Instant submittedAt) implements OnboardingEvent {
}
