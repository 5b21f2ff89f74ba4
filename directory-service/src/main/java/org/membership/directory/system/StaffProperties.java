package org.membership.directory.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff users (role STAFF), the same keys in every service.
 *
 * @param users user name to a password hash in {@code DelegatingPasswordEncoder} format
 * (e.g. {@code {bcrypt}$2a$...})
 * @param staffPassword when not blank, defines (or overrides) the user {@code staff} with
 * this password ({@code STAFF_PASSWORD} in ./run-local)
 */
@ConfigurationProperties("membership.security")
record StaffProperties(Map<String, String> users, String staffPassword) {

	StaffProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
	}

}
