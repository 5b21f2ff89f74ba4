package org.membership.onboarding.application;

/** The kinds of organisation that apply (the contract's OrganisationType). */
public enum OrganisationType {

	COMPANY, CLUSTER, ASSOCIATION, UNIVERSITY, RESEARCH_INSTITUTE, PUBLIC_BODY, OTHER

}
