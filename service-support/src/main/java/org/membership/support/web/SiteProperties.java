package org.membership.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pages of the three services are, so that every page links to the others, and
 * where a person who opens a service's root lands.
 *
 * @param links the base URLs of the services' pages, as a browser reaches them
 * @param homePage where {@code /} redirects (e.g. {@code /members}); none when the
 * service answers {@code /} itself
 */
@ConfigurationProperties("membership.web")
public record SiteProperties(@DefaultValue Links links, String homePage) {

	/**
	 * The base URLs of the services' pages; the local defaults are the ports of
	 * {@code ./run-local}.
	 *
	 * @param onboarding the application form and the staff console
	 * @param directory the member directory
	 * @param notification the announcements and their feed
	 */
	public record Links(@DefaultValue("http://127.0.0.1:8081") String onboarding,
			@DefaultValue("http://127.0.0.1:8082") String directory,
			@DefaultValue("http://127.0.0.1:8083") String notification) {

		public Links {
			// links are built as base + "/path"
			onboarding = trim(onboarding);
			directory = trim(directory);
			notification = trim(notification);
		}

		private static String trim(String url) {
			return (url != null) ? url.replaceAll("/+$", "") : null;
		}

	}

}
