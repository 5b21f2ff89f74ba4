package org.membership.onboarding.application;

/** Who withdrew an application (the contract's WithdrawnBy). */
public enum Withdrawer {

	/** The applicant, from the private status link. */
	APPLICANT,

	/** A staff user, with a reason. */
	STAFF

}
