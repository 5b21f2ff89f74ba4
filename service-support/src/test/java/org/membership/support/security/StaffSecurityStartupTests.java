package org.membership.support.security;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What stops a service at start-up, with a message that says what to set. */
class StaffSecurityStartupTests {

	@Test
	void aNoopPasswordStopsTheStartUp() {
		Map<String, Object> settings = settings();
		settings.put("membership.security.users.clerk", "{noop}plain-secret");

		assertThatThrownBy(() -> start(settings)).rootCause()
			.hasMessageStartingWith("membership.security.users.clerk must be a bcrypt hash")
			.hasMessageNotContaining("plain-secret");
	}

	@Test
	void theIssuerWithoutItsKeyStopsTheStartUp() {
		Map<String, Object> settings = settings();
		settings.remove("membership.security.token.issuer.private-key-location");

		assertThatThrownBy(() -> start(settings)).rootCause()
			.hasMessageContaining("membership.security.token.issuer.private-key-location is not set");
	}

	@Test
	void aPublicKeyWithoutTheIssuerItMustNameStopsTheStartUp() {
		Map<String, Object> settings = settings();
		settings.remove("spring.security.oauth2.resourceserver.jwt.issuer-uri");
		settings.put("membership.security.token.issuer.enabled", "false");

		assertThatThrownBy(() -> start(settings)).rootCause()
			.hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri must be set");
	}

	@Test
	void withoutAnyTokenSettingsTheServiceStartsWithBasicOnly() {
		Map<String, Object> settings = settings();
		settings.keySet().removeIf((name) -> name.contains(".jwt.") || name.contains(".token."));

		try (ConfigurableApplicationContext context = start(settings)) {
			assertThat(context.getBeansOfType(StaffTokenController.class)).isEmpty();
			assertThat(context.getBeansOfType(JwtDecoder.class)).isEmpty();
		}
	}

	private static Map<String, Object> settings() {
		return new HashMap<>(SecuredTestApplication.properties());
	}

	private static ConfigurableApplicationContext start(Map<String, Object> settings) {
		return new SpringApplicationBuilder(SecuredTestApplication.class).properties(settings).run();
	}

}
