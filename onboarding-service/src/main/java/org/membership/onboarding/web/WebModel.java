package org.membership.onboarding.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.membership.onboarding.application.OrganisationType;
import org.membership.support.association.AssociationProperties;
import org.membership.support.web.SiteModelAdvice;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every page shows: the association, its tiers, the countries and organisation
 * types.
 */
@Component
class WebModel {

	/** A country for a select box. */
	record Country(String code, String name) {
	}

	private final AssociationProperties association;

	private final List<Country> countries;

	private final SiteModelAdvice site;

	WebModel(AssociationProperties association, SiteModelAdvice site) {
		this.association = association;
		this.site = site;
		this.countries = Arrays.stream(Locale.getISOCountries())
			.map((code) -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
			.sorted(Comparator.comparing(Country::name))
			.toList();
	}

	AssociationProperties association() {
		return this.association;
	}

	List<Country> countries() {
		return this.countries;
	}

	List<OrganisationType> organisationTypes() {
		return List.of(OrganisationType.values());
	}

	void addTo(Model model) {
		// the layout's model, also in exception handlers
		this.site.addTo(model);
		model.addAttribute("tiers", this.association.tiers());
		model.addAttribute("countries", this.countries);
		model.addAttribute("organisationTypes", organisationTypes());
	}

}
