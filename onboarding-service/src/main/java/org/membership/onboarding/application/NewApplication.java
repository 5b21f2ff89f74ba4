package org.membership.onboarding.application;

/**
 * What an applicant submits, already validated.
 *
 * @param requestedTier a configured tier code
 */
public record NewApplication(ApplyingOrganisation organisation, String requestedTier, ContactPerson contact) {
}
