package org.membership.notification.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff users (the same keys in every service).
 *
 * @param users user name to a {@code {bcrypt}…} hash (DelegatingPasswordEncoder format)
 * @param staffPassword when not blank, the password of the user {@code staff} (hashed at
 * start-up; the local stack passes {@code STAFF_PASSWORD})
 */
@ConfigurationProperties("membership.security")
record SecurityProperties(Map<String, String> users, String staffPassword) {

	SecurityProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
	}

}
