package org.membership.support.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Who may log in, and the staff tokens this service issues (if it issues any).
 *
 * @param users staff users (role STAFF): user name to a bcrypt hash written
 * {@code {bcrypt}$2a$10$...}
 * @param otherUsers authenticated users without the STAFF role, same format
 * @param staffPassword the password of the user {@code staff} ({@code STAFF_PASSWORD});
 * when empty, and {@code staff} is not among {@code users}, one is generated and printed
 * on the console
 * @param token the staff tokens
 */
@ConfigurationProperties("membership.security")
record StaffSecurityProperties(Map<String, String> users, Map<String, String> otherUsers, String staffPassword,
		Token token) {

	StaffSecurityProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
		otherUsers = (otherUsers != null) ? Map.copyOf(otherUsers) : Map.of();
		staffPassword = (staffPassword != null) ? staffPassword : "";
		token = (token != null) ? token : new Token(null);
	}

	/**
	 * Staff tokens. Verifying them is Spring Boot's resource server
	 * ({@code spring.security.oauth2.resourceserver.jwt.*}); issuing them is this.
	 *
	 * @param issuer the built-in issuer behind {@code POST /api/staff/token}
	 */
	record Token(Issuer issuer) {

		Token {
			issuer = (issuer != null) ? issuer : new Issuer(false, null, null);
		}

	}

	/**
	 * The built-in token issuer. Its tokens name
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} as their issuer, the
	 * one every service expects.
	 *
	 * @param enabled whether this service answers {@code POST /api/staff/token} (only
	 * onboarding-service does)
	 * @param privateKeyLocation the RSA private key that signs the tokens, PKCS#8 PEM
	 * ({@code -----BEGIN PRIVATE KEY-----}); its public half is what the services' {@code
	 * public-key-location} names
	 * @param timeToLive how long a token is valid (default one hour)
	 */
	record Issuer(boolean enabled, Resource privateKeyLocation, Duration timeToLive) {

		Issuer {
			timeToLive = (timeToLive != null) ? timeToLive : Duration.ofHours(1);
		}

	}

}
