package org.membership.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * How service-support defaults another library's settings (Spring Data's paging, Spring
 * Modulith's outbox, the Kafka producer): as Spring Boot's default properties, the lowest
 * precedence there is, so that a service's {@code application.yml}, the environment, a
 * test and even the application's own default properties override each of them.
 */
public final class DefaultSettings {

	private DefaultSettings() {
	}

	/** Adds those of {@code defaults} that the application's default properties lack. */
	public static void addTo(ConfigurableEnvironment environment, Map<String, Object> defaults) {
		PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
		Map<String, Object> missing = new LinkedHashMap<>(defaults);
		if (existing != null) {
			missing.keySet().removeIf(existing::containsProperty);
		}
		DefaultPropertiesPropertySource.addOrMerge(missing, environment.getPropertySources());
	}

}
