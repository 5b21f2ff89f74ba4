package org.membership.directory.system;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The association running the software (the same keys in every service).
 *
 * @param name full name, e.g. "European DIGITAL SME Alliance"
 * @param shortName short name, e.g. "DIGITAL SME"
 * @param timeZone the association's time zone (effective dates are dates there)
 * @param tiers membership tier code to display name, in display order
 */
@ConfigurationProperties("membership.association")
public record AssociationProperties(String name, String shortName, ZoneId timeZone, Map<String, String> tiers) {

	public AssociationProperties {
		tiers = (tiers != null) ? new LinkedHashMap<>(tiers) : new LinkedHashMap<>();
		if (timeZone == null) {
			timeZone = ZoneId.of("Europe/Brussels");
		}
	}

	public boolean knowsTier(String code) {
		return code != null && this.tiers.containsKey(code);
	}

	public String tierName(String code) {
		return this.tiers.getOrDefault(code, code);
	}

}
