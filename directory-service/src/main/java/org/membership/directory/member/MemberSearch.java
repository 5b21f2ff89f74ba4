package org.membership.directory.member;

/**
 * Filters of the directory search, each optional: an ISO country code, a tier code, and
 * text matched against the name (and legal name) ignoring case and diacritics.
 */
public record MemberSearch(String country, String tier, String q) {

	/** The sort properties clients may use, mapped to columns. */
	public static final java.util.Map<String, String> SORTABLE = java.util.Map.of("name", "name_key", "memberSince",
			"effective_from");

}
