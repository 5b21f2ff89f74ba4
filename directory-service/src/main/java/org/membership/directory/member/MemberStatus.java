package org.membership.directory.member;

/**
 * Where a member stands in the directory. Ordered: a membership only moves forward
 * (MembershipEffective fires once, nothing takes it back), so a late MemberApproved never
 * turns a MEMBER back into JOINING; and a withdrawal is final (onboarding allows it only
 * before the membership takes effect, and nothing follows it), so no event of the
 * application, whenever it arrives, lists a WITHDRAWN one again.
 */
enum MemberStatus {

	/** Approved, effective date not reached: only the "joining soon" query shows it. */
	JOINING,

	/** Effective: listed in the directory. */
	MEMBER,

	/**
	 * Withdrawn before it took effect: listed nowhere. The row keeps no organisation (the
	 * withdrawal carries none, and a row that stays is the same whichever event came
	 * first); it stays so that an older event arriving later finds it.
	 */
	WITHDRAWN;

	MemberStatus atLeast(MemberStatus other) {
		return (compareTo(other) >= 0) ? this : other;
	}

}
