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
	REJECTED,

	/**
	 * Withdrawn before it took effect, by the applicant or by staff; it never becomes
	 * effective.
	 */
	WITHDRAWN;

	/** Whether staff can still decide. */
	public boolean isUndecided() {
		return this == SUBMITTED;
	}

	/** Whether it can still be withdrawn: submitted or approved, not yet effective. */
	public boolean isWithdrawable() {
		return this == SUBMITTED || this == APPROVED;
	}

}
