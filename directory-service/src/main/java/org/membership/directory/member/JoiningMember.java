package org.membership.directory.member;

import java.time.LocalDate;
import java.util.UUID;

/** An approved organisation whose membership has not taken effect yet. */
public record JoiningMember(UUID id, String name, String country, String city, String tier, LocalDate joiningOn,
		String website) {

}
