package org.membership.directory.member;

/**
 * Where a member stands in the directory. Ordered: a membership only moves forward
 * (MembershipEffective fires once, nothing takes it back), so a late MemberApproved never
 * turns a MEMBER back into JOINING.
 */
enum MemberStatus {

	/** Approved, effective date not reached: only the "joining soon" query shows it. */
	JOINING,

	/** Effective: listed in the directory. */
	MEMBER;

	MemberStatus atLeast(MemberStatus other) {
		return (compareTo(other) >= 0) ? this : other;
	}

}
