package org.membership.stack.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the {@link TestInfrastructure} of the JVM and at the
 * staff token keys of the JVM ({@link StaffTokens}) and, under the {@code postgres}
 * profile, at the PostgreSQL server that {@link PostgresForTests} chooses. Being one
 * initializer class, it is part of the context cache key, so contexts are still shared.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The property source this initializer adds, ahead of the application's own. */
	public static final String PROPERTY_SOURCE = "membershipTestInfrastructure";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new HashMap<>(
				Map.of("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
						"spring.kafka.properties.apicurio.registry.url", infrastructure.registryUrl(),
						"membership.test.registry.confluent-url", infrastructure.confluentCompatibleRegistryUrl()));
		// every service verifies tokens signed with this JVM's key; onboarding signs them
		properties.putAll(StaffTokens.properties());
		if (environment.matchesProfiles("postgres")) {
			Map<String, Object> datasource = PostgresForTests
				.datasource(environment.getRequiredProperty("spring.datasource.url"));
			if (!datasource.isEmpty()) {
				PostgresForTests.usedBy(context);
			}
			properties.putAll(datasource);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

}
