package org.membership.onboarding.application;

/**
 * What the contact person says about joining, in their own words: quoted in the welcome
 * announcement and attributed to the contact's name and role. The outbox maps it to the
 * contract's Statement record.
 *
 * @param text plain text, never markup; line breaks kept
 */
public record ContactStatement(String text) {
}
