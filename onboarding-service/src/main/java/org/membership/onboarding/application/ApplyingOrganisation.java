package org.membership.onboarding.application;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The applying organisation as described in the application; also the snapshot the events
 * carry. The outbox maps it to the contract's Organisation record.
 *
 * @param name name the organisation is known by
 * @param legalName registered legal name, optional
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param city city of the seat
 * @param website absolute http(s) URL, optional
 * @param type what kind of organisation it is
 * @param foundedOn when it was founded, optional
 * @param memberCount number of its own members, optional
 * @param description what it does, optional
 * @param aims what it aims for as a member, in the applicant's words, optional; left out
 * of the JSON when absent, so that an Idempotency-Key's request hash of an application
 * without it stays what it was before the field existed
 */
public record ApplyingOrganisation(String name, String legalName, String country, String city, String website,
		OrganisationType type, LocalDate foundedOn, Integer memberCount, String description,
		@JsonInclude(JsonInclude.Include.NON_NULL) String aims) {
}
