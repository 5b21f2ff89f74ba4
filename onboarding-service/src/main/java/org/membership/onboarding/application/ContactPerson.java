package org.membership.onboarding.application;

/**
 * The person who applies on behalf of the organisation. Personal data. The outbox maps it
 * to the contract's Contact record.
 *
 * @param name full name
 * @param role role in the organisation, optional
 * @param email where the association writes about the application
 */
public record ContactPerson(String name, String role, String email) {
}
