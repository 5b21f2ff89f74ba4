package org.membership.directory.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One event of either consumed topic, mapped from Avro at the edge: MemberApproved gives
 * status JOINING, MembershipEffective gives MEMBER; both carry the full snapshot, so
 * either can create the member on its own.
 */
record MembershipChange(UUID eventId, String topic, UUID applicationId, long applicationVersion, String correlationId,
		MemberStatus status, String tier, LocalDate effectiveFrom, OrganisationSnapshot organisation) {

}
