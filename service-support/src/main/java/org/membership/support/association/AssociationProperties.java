package org.membership.support.association;

import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The association that runs the services: configuration, not code, and the same keys and
 * defaults in every service.
 *
 * @param name full name, e.g. "European DIGITAL SME Alliance"
 * @param shortName short name used in texts, e.g. "DIGITAL SME"
 * @param timeZone the association's time zone: dates (effective dates, "today") are dates
 * there
 * @param tiers membership tiers, code to label, in display order; {@code FULL} "Full" and
 * {@code ASSOCIATE} "Associate" when none are configured
 * @param publicUrl where the public reads the association's announcements (the
 * notification-service's pages), for links in mails and the feed
 * @param reviewTime how long staff take to decide a submitted application: one submitted
 * on a day at least this long before today (association time zone) is overdue
 */
@ConfigurationProperties("membership.association")
public record AssociationProperties(@DefaultValue("Membership association") String name,
		@DefaultValue("Association") String shortName, @DefaultValue("Europe/Brussels") ZoneId timeZone,
		Map<String, String> tiers, @DefaultValue("http://127.0.0.1:8083") String publicUrl,
		@DefaultValue("P14D") Period reviewTime) {

	@ConstructorBinding
	public AssociationProperties {
		tiers = (tiers == null || tiers.isEmpty()) ? defaultTiers() : new LinkedHashMap<>(tiers);
		// links are built as publicUrl + "/announcements/..."
		publicUrl = (publicUrl != null) ? publicUrl.replaceAll("/+$", "") : null;
		reviewTime = (reviewTime != null) ? reviewTime : Period.ofDays(14);
		if (reviewTime.isNegative() || reviewTime.isZero()) {
			throw new IllegalArgumentException("membership.association.review-time must be positive, e.g. P14D");
		}
	}

	/** The settings with the default review time (14 days). */
	public AssociationProperties(String name, String shortName, ZoneId timeZone, Map<String, String> tiers,
			String publicUrl) {
		this(name, shortName, timeZone, tiers, publicUrl, Period.ofDays(14));
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

	/**
	 * The label of a tier, or the code itself when it is not configured (any more): a
	 * text or a mail is never lost over a tier removed since.
	 */
	public String tierLabel(String code) {
		return this.tiers.getOrDefault(code, code);
	}

	/**
	 * The label with its indefinite article, for "as a Full Member", "as an Associate
	 * Member": "an" before a label that starts with a vowel letter, "a" otherwise. Labels
	 * are English words; one read with another sound than its first letter (an "Honorary"
	 * tier) is written so that the rule holds.
	 */
	public String tierWithArticle(String code) {
		String label = tierLabel(code);
		if (label == null || label.isBlank()) {
			return label;
		}
		return ("AEIOUaeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
	}

}
