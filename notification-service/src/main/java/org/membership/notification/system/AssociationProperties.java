package org.membership.notification.system;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The association that runs the software: configuration, not code (the same keys in every
 * service).
 *
 * @param name full name, e.g. "European DIGITAL SME Alliance"
 * @param shortName short name used in headlines, e.g. "DIGITAL SME"
 * @param timeZone the association's time zone; dates in texts are dates there
 * @param tiers membership tier code to display name, e.g. FULL to "Full"
 * @param publicUrl base URL of this service's public pages, for links in mails and feeds
 */
@ConfigurationProperties("membership.association")
public record AssociationProperties(String name, String shortName, ZoneId timeZone, Map<String, String> tiers,
		String publicUrl) {

	public AssociationProperties {
		tiers = (tiers != null) ? Map.copyOf(tiers) : Map.of("FULL", "Full", "ASSOCIATE", "Associate");
		timeZone = (timeZone != null) ? timeZone : ZoneId.of("Europe/Brussels");
		publicUrl = (publicUrl != null) ? publicUrl.replaceAll("/+$", "") : "http://127.0.0.1:8083";
	}

	/**
	 * The display name of a tier; an unknown code is shown as it is rather than losing
	 * the mail.
	 */
	public String tierDisplayName(String code) {
		return this.tiers.getOrDefault(code, code);
	}

}
