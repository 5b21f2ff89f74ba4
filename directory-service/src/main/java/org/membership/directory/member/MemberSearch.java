package org.membership.directory.member;

import java.util.Map;

/**
 * Filters of the directory search, each optional: an ISO country code, a tier code, and
 * text matched against the name (and legal name) ignoring case and diacritics.
 */
public record MemberSearch(String country, String tier, String q) {

	/** Sort by name (ignoring case and diacritics). */
	public static final String NAME = "name";

	/** Sort by the date the membership took effect. */
	public static final String MEMBER_SINCE = "memberSince";

	/** The sort properties clients may use, mapped to columns. */
	public static final Map<String, String> SORTABLE = Map.of(NAME, "name_key", MEMBER_SINCE, "effective_from");

}
