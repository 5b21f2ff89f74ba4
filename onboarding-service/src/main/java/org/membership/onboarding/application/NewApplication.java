package org.membership.onboarding.application;

/**
 * What an applicant submits, already validated.
 *
 * @param organisation the organisation
 * @param requestedTier a configured tier code
 * @param contact the contact person
 */
public record NewApplication(ApplyingOrganisation organisation, String requestedTier, ContactPerson contact) {
}
