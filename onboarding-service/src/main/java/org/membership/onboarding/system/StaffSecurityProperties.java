package org.membership.onboarding.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in.
 *
 * @param users staff users: user name to bcrypt hash ({@code {bcrypt}$2a$...}), role
 * STAFF
 * @param staffPassword the password of the {@code staff} user (from
 * {@code STAFF_PASSWORD}); generated and logged when empty
 * @param otherUsers authenticated users without the STAFF role (user name to bcrypt hash)
 */
@ConfigurationProperties("membership.security")
public record StaffSecurityProperties(Map<String, String> users, String staffPassword, Map<String, String> otherUsers) {

	public StaffSecurityProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
		otherUsers = (otherUsers != null) ? Map.copyOf(otherUsers) : Map.of();
		staffPassword = (staffPassword != null) ? staffPassword : "";
	}

}
