package org.membership.directory.member;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A listed member, as the API shows it ({@code id} is the application id, {@code tier}
 * the tier code).
 */
public record Member(UUID id, String name, String country, String city, String tier, LocalDate memberSince,
		String website, Integer memberCount, String description) {

}
