package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation submitted an application (the contract's ApplicationReceived).
 *
 * @param applicationVersion always 1
 * @param statement the contact's own words, optional
 * @param submittedAt when the form was submitted
 */
public record ApplicationSubmitted(UUID eventId, Instant occurredAt, UUID applicationId, long applicationVersion,
		String correlationId, ApplyingOrganisation organisation, String requestedTier, ContactPerson contact,
		ContactStatement statement, Instant submittedAt, String traceparent) implements OnboardingEvent {
}
