package org.membership.support.openapi;

import java.util.Map;

import org.membership.support.DefaultSettings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * springdoc's settings for every service, defaulted as {@link DefaultSettings}: only the
 * JSON API ({@code /api/**}) is documented, not the pages; the error responses are the
 * ones {@link ApiDocumentation} describes rather than one guessed from each exception
 * handler of the controller advice; an object bound from query parameters (a
 * {@code Pageable}) is documented as those parameters ({@code page}, {@code size},
 * {@code sort}); keys in a stable order, so that a change of the committed documents is a
 * change of the API.
 */
class OpenApiDefaults implements EnvironmentPostProcessor {

	static final Map<String, Object> DEFAULTS = Map.of("springdoc.paths-to-match", "/api/**",
			"springdoc.override-with-generic-response", false, "springdoc.writer-with-order-by-keys", true,
			"springdoc.default-flat-param-object", true);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DefaultSettings.addTo(environment, DEFAULTS);
	}

}
