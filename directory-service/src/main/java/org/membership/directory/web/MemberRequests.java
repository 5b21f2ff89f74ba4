package org.membership.directory.web;

import java.util.Locale;
import java.util.Set;

import org.membership.directory.member.MemberSearch;
import org.membership.directory.system.AssociationProperties;
import org.membership.directory.system.DirectoryProperties;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Checks the parameters of a directory search (the API and the page share it): a bad one
 * is the client's to fix (400), never silently dropped or clamped.
 */
@Component
class MemberRequests {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final AssociationProperties association;

	private final DirectoryProperties directory;

	MemberRequests(AssociationProperties association, DirectoryProperties directory) {
		this.association = association;
		this.directory = directory;
	}

	MemberSearch search(String country, String tier, String q) {
		String countryCode = blankToNull(country);
		if (countryCode != null) {
			countryCode = countryCode.toUpperCase(Locale.ROOT);
			if (!COUNTRIES.contains(countryCode)) {
				throw new BadParameterException("country",
						"country must be an ISO 3166-1 alpha-2 code such as RO, not '" + country + "'");
			}
		}
		String tierCode = blankToNull(tier);
		if (tierCode != null) {
			tierCode = tierCode.toUpperCase(Locale.ROOT);
			if (!this.association.knowsTier(tierCode)) {
				throw new BadParameterException("tier",
						"tier must be one of " + this.association.tiers().keySet() + ", not '" + tier + "'");
			}
		}
		String text = blankToNull(q);
		if (text != null && text.length() > 200) {
			throw new BadParameterException("q", "q must be at most 200 characters");
		}
		return new MemberSearch(countryCode, tierCode, text);
	}

	Pageable pageable(Pageable pageable, boolean sortable) {
		if (pageable.getPageSize() > this.directory.maxPageSize()) {
			throw new BadParameterException("size",
					"size must be at most " + this.directory.maxPageSize() + ", not " + pageable.getPageSize());
		}
		for (Sort.Order order : pageable.getSort()) {
			if (!sortable || !MemberSearch.SORTABLE.containsKey(order.getProperty())) {
				throw new BadParameterException("sort", "cannot sort by '" + order.getProperty() + "'"
						+ (sortable ? "; sort by one of " + MemberSearch.SORTABLE.keySet() : ""));
			}
		}
		return pageable;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
