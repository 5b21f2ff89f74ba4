package org.membership.directory.member;

import java.util.List;

/**
 * Listed members counted by country and by tier (the tier with its display name).
 */
public record MemberSummary(long total, List<CountryCount> byCountry, List<TierCount> byTier) {

	public record CountryCount(String country, long count) {
	}

	public record TierCount(String tier, String name, long count) {
	}

}
