package org.membership.directory.member;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The directory shows a website only as an absolute {@code http} or {@code https} URL,
 * whatever an event carries: a {@code javascript:} or {@code data:} value would become a
 * link on the public page and in every client of the API. Onboarding refuses such values
 * at intake; this guards the read model against any other producer of the topics.
 */
final class Websites {

	private Websites() {
	}

	/** {@code website} when it is an absolute http(s) URL with a host, otherwise null. */
	static String httpOrNull(String website) {
		if (website == null || website.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(website.strip());
			String scheme = uri.getScheme();
			boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
			return (http && uri.getHost() != null && uri.getUserInfo() == null) ? website.strip() : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
