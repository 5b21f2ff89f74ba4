package org.membership.onboarding.system;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The association that runs the service: configuration, not code.
 *
 * @param name full name, e.g. "European DIGITAL SME Alliance"
 * @param shortName short name used in texts, e.g. "DIGITAL SME"
 * @param timeZone the association's time zone: effective dates start at its midnight
 * @param tiers membership tiers, code to label, in display order
 */
@ConfigurationProperties("membership.association")
public record AssociationProperties(@DefaultValue("Membership association") String name,
		@DefaultValue("Association") String shortName, @DefaultValue("Europe/Brussels") ZoneId timeZone,
		Map<String, String> tiers) {

	public AssociationProperties {
		tiers = (tiers == null || tiers.isEmpty()) ? defaultTiers() : new LinkedHashMap<>(tiers);
	}

	private static Map<String, String> defaultTiers() {
		Map<String, String> tiers = new LinkedHashMap<>();
		tiers.put("FULL", "Full");
		tiers.put("ASSOCIATE", "Associate");
		return tiers;
	}

	/** Whether {@code code} is one of the configured tiers (exact, upper-case code). */
	public boolean isTier(String code) {
		return code != null && this.tiers.containsKey(code);
	}

	/** The label of a tier, or the code itself when it is not configured (any more). */
	public String tierLabel(String code) {
		return this.tiers.getOrDefault(code, code);
	}

}
