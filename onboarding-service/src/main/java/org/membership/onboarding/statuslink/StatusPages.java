package org.membership.onboarding.statuslink;

import java.util.UUID;

import org.membership.support.web.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * Where the applicant's status page of an application is: relative for this service's own
 * pages, absolute (from {@code membership.web.links.onboarding}, the address a browser
 * reaches the service at) for the API's answer and the mails.
 */
@Component
public class StatusPages {

	private final SiteProperties site;

	StatusPages(SiteProperties site) {
		this.site = site;
	}

	/** The status page's path with its private token. */
	public static String path(UUID id, String token) {
		return "/applications/" + id + "/status?token=" + token;
	}

	/** The status page's absolute URL with its private token. */
	public String absolute(UUID id, String token) {
		return this.site.links().onboarding() + path(id, token);
	}

	/** The absolute URL of the page where an applicant asks for a new link. */
	public String requestPage() {
		return this.site.links().onboarding() + "/status-link";
	}

}
