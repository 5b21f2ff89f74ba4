package org.membership.directory.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One event of a consumed topic, mapped from Avro at the edge: MemberApproved and
 * EffectiveDateChanged give status JOINING, MembershipEffective gives MEMBER; these carry
 * the full snapshot, so each can create the member on its own. ApplicationWithdrawn gives
 * WITHDRAWN and carries no snapshot (tier, effectiveFrom and organisation are null).
 */
record MembershipChange(UUID eventId, String topic, UUID applicationId, long applicationVersion, String correlationId,
		MemberStatus status, String tier, LocalDate effectiveFrom, OrganisationSnapshot organisation) {

}
