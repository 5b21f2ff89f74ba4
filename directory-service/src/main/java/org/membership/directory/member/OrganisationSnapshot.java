package org.membership.directory.member;

/**
 * The organisation as an event carried it (event-carried state: no call back to
 * onboarding).
 */
record OrganisationSnapshot(String name, String legalName, String country, String city, String website, String type,
		Integer memberCount, String description) {

}
