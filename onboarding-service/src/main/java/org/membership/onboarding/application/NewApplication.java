package org.membership.onboarding.application;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an applicant submits, already validated.
 *
 * @param requestedTier a configured tier code
 * @param statement the contact's own words, optional; left out of the JSON when absent
 * (the Idempotency-Key's request hash, as {@link ApplyingOrganisation#aims()})
 */
public record NewApplication(ApplyingOrganisation organisation, String requestedTier, ContactPerson contact,
		@JsonInclude(JsonInclude.Include.NON_NULL) ContactStatement statement) {
}
