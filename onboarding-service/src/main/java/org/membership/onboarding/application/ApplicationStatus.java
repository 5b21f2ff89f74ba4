package org.membership.onboarding.application;

/** Where an application stands. */
public enum ApplicationStatus {

	/** Submitted, waiting for a staff decision. */
	SUBMITTED,

	/** Approved by staff; the membership starts on effectiveFrom. */
	APPROVED,

	/** The membership has taken effect. */
	EFFECTIVE,

	/** Rejected by staff. */
	REJECTED;

	/** Whether staff can still decide. */
	public boolean isUndecided() {
		return this == SUBMITTED;
	}

}
