package org.membership.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.membership.support.association.AssociationAutoConfiguration;
import org.membership.support.problem.ProblemDetailsAutoConfiguration;
import org.membership.support.security.StaffSecurityRules.Access;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application with nothing but staff security: an API call that needs STAFF, one
 * that is open, one that its rules open but service-support keeps for staff, and a page,
 * on Tomcat with the token issuer on. Its users: {@code staff} ({@link #STAFF_PASSWORD}),
 * {@code clerk} (STAFF) and {@code viewer} (no role), both with {@link #OTHER_PASSWORD}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class, AssociationAutoConfiguration.class,
		ProblemDetailsAutoConfiguration.class, StaffSecurityAutoConfiguration.class })
class SecuredTestApplication {

	static final String STAFF_PASSWORD = "the-staff-password";

	static final String OTHER_PASSWORD = "another-password";

	static final String ISSUER = "urn:membership:test-issuer";

	/** The key pair of this test JVM. */
	static final KeyPair KEYS = keyPair();

	private static Path keyDirectory;

	@Bean
	StaffSecurityRules staffSecurityRules() {
		return StaffSecurityRules.staffByDefault()
			.open(HttpMethod.GET, "/api/open", "/api/support/**")
			.otherPages(Access.OPEN);
	}

	// what service-support serves to staff, which these rules would open
	@Bean
	StaffOnlyApi supportStaffOnly() {
		return StaffOnlyApi.paths("/api/support/**");
	}

	// a member class: registered with the configuration
	@RestController
	static class Endpoints {

		@GetMapping("/api/things")
		Map<String, String> things() {
			return Map.of("things", "for staff");
		}

		@GetMapping("/api/open")
		Map<String, String> open() {
			return Map.of("open", "to all");
		}

		@GetMapping("/api/support/letters")
		Map<String, String> letters() {
			return Map.of("letters", "for staff");
		}

		@GetMapping("/page")
		String page() {
			return "a page";
		}

	}

	/** The settings of the application: users, keys, issuer. */
	static synchronized Map<String, String> properties() {
		if (keyDirectory == null) {
			try {
				keyDirectory = Files.createTempDirectory("staff-security-tests");
				Files.writeString(keyDirectory.resolve("private.pem"),
						pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
				Files.writeString(keyDirectory.resolve("public.pem"), pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(OTHER_PASSWORD);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.application.name", "test-service");
		properties.put("membership.security.staff-password", STAFF_PASSWORD);
		properties.put("membership.security.users.clerk", hash);
		properties.put("membership.security.other-users.viewer", hash);
		properties.put("membership.security.token.issuer.enabled", "true");
		properties.put("membership.security.token.issuer.private-key-location",
				"file:" + keyDirectory.resolve("private.pem"));
		properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
				"file:" + keyDirectory.resolve("public.pem"));
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER);
		return properties;
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
