package org.membership.directory.web;

import java.util.Locale;

import org.membership.directory.member.MemberSearch;

/**
 * The filters of a directory search (the API and the page share them), once the paging
 * policy and the parameters' constraints have checked them: codes in upper case, blanks
 * as absent.
 */
final class MemberRequests {

	private MemberRequests() {
	}

	static MemberSearch search(String country, String tier, String q) {
		return new MemberSearch(upperCase(country), upperCase(tier), blankToNull(q));
	}

	private static String upperCase(String code) {
		String value = blankToNull(code);
		return (value != null) ? value.toUpperCase(Locale.ROOT) : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
