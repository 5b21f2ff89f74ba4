package org.membership.system;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.membership.stack.LocalStack;
import org.membership.stack.StaffKeys;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement of {@code docker-compose.yml} with the services, checked without Docker:
 * names, ports, the settings each service reads, the databases and schemas they use.
 * {@link ComposeSystemTests} runs the file itself where Docker is available.
 */
class DockerComposeTests {

	private static final Path ROOT = Repository.ROOT;

	@Test
	void runsTheInfrastructureTheContractSetupAndEveryService() throws IOException {
		assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "postgres", "registry", "mail",
				"contract-setup", "onboarding-service", "directory-service", "notification-service");
	}

	@Test
	void everyServicePublishesItsLocalPortOnLoopbackAndListensOnIt() throws IOException {
		for (LocalStack.Service service : LocalStack.SERVICES) {
			Map<String, Object> compose = service(service.name());
			String variable = service.name().replace("-service", "").toUpperCase(Locale.ROOT) + "_PORT";
			assertThat(compose.get("ports")).as(service.name())
				.isEqualTo(List.of("127.0.0.1:${" + variable + ":-" + service.port() + "}:" + service.port()));
			assertThat(environment(service.name())).as(service.name())
				.containsEntry("SERVER_PORT", Integer.toString(service.port()));
		}
	}

	@Test
	void nothingIsPublishedBeyondLoopback() throws IOException {
		for (var entry : services().entrySet()) {
			@SuppressWarnings("unchecked")
			List<String> ports = (List<String>) ((Map<String, Object>) entry.getValue()).getOrDefault("ports",
					List.of());
			assertThat(ports).as(entry.getKey()).allMatch((port) -> port.startsWith("127.0.0.1:"));
		}
	}

	@Test
	void everyImageCanBeReplacedThroughAVariable() throws IOException {
		for (var entry : services().entrySet()) {
			@SuppressWarnings("unchecked")
			String image = (String) ((Map<String, Object>) entry.getValue()).get("image");
			assertThat(image).as(entry.getKey()).matches("\\$\\{[A-Z_]+_IMAGE:-[^}]+}");
		}
	}

	@Test
	void servicesGetTheSettingsTheyReadAndADatabaseThatExists() throws IOException {
		String databases = Files.readString(ROOT.resolve("docker/postgres/init-databases.sh"));
		for (LocalStack.Service service : LocalStack.SERVICES) {
			Map<String, Object> environment = environment(service.name());
			assertThat(environment).as(service.name())
				.containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_PROPERTIES_APICURIO_REGISTRY_URL",
						"SPRING_DATASOURCE_URL", "STAFF_PASSWORD");
			URI url = URI.create(environment.get("SPRING_DATASOURCE_URL").toString().substring("jdbc:".length()));
			String database = url.getPath().substring(1);
			// its own database, owned by a role of the same name that the service logs in
			// as
			assertThat(databases).as(service.name())
				.contains("for name in ")
				.containsPattern("for name in [a-z ]*\\b" + database + "\\b")
				.contains("CREATE DATABASE :\"name\" OWNER :\"name\";")
				.contains("REVOKE ALL ON DATABASE :\"name\" FROM PUBLIC;");
			assertThat(environment).as(service.name())
				.containsEntry("SPRING_DATASOURCE_USERNAME", database)
				.containsEntry("SPRING_DATASOURCE_PASSWORD", "${" + database.toUpperCase() + "_DB_PASSWORD:?set "
						+ database.toUpperCase() + "_DB_PASSWORD (scripts/compose-env.sh)}");
			// where Flyway puts the tables is where the service looks for them
			Path postgresProfile = ROOT.resolve(service.name()).resolve("src/main/resources/application-postgres.yml");
			String schema = Files.isRegularFile(postgresProfile)
					? new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(Files.readString(postgresProfile))
						.get("spring")
						.get("flyway")
						.get("schemas")
						.toString()
					: null;
			assertThat(url.getQuery()).as(service.name())
				.isEqualTo((schema != null) ? "currentSchema=" + schema : null);
			// the service reads its staff password from this very variable
			assertThat(Files.readString(ROOT.resolve(service.name()).resolve("src/main/resources/application.yml")))
				.as(service.name())
				.contains("${STAFF_PASSWORD:}");
		}
		assertThat(environment("contract-setup")).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_CCOMPAT_URL");
	}

	@Test
	void noPasswordHasADefaultAndNothingConnectsAsTheDatabaseSuperuser() throws IOException {
		String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
		assertThat(compose).doesNotContainPattern("PASSWORD:-");
		for (var entry : services().entrySet()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) entry.getValue())
				.getOrDefault("environment", Map.of());
			environment.forEach((name, value) -> {
				if (name.endsWith("USERNAME")) {
					assertThat(value).as(entry.getKey() + " " + name).isNotEqualTo("postgres");
				}
				if (name.endsWith("PASSWORD")) {
					assertThat(value.toString()).as(entry.getKey() + " " + name).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
				}
			});
		}
		assertThat(environment("registry")).containsEntry("APICURIO_DATASOURCE_USERNAME", "registry");
	}

	@Test
	void everyServiceVerifiesStaffTokensWithTheKeyTheContractSetupGenerates() throws IOException {
		String keys = "staff-keys";
		Map<String, Object> setup = service("contract-setup");
		assertThat(setup.get("volumes")).isEqualTo(List.of(keys + ":/keys"));
		assertThat(environment("contract-setup")).containsEntry("STAFF_KEYS_DIR", "/keys");
		for (LocalStack.Service service : LocalStack.SERVICES) {
			assertThat(service(service.name()).get("volumes")).as(service.name())
				.isEqualTo(List.of(keys + ":/keys:ro"));
			assertThat(environment(service.name())).as(service.name())
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
						"file:/keys/" + StaffKeys.PUBLIC_KEY)
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", StaffKeys.ISSUER);
		}
		// only the issuer reads the private key
		assertThat(environment("onboarding-service")).containsEntry(
				"MEMBERSHIP_SECURITY_TOKEN_ISSUER_PRIVATE_KEY_LOCATION", "file:/keys/" + StaffKeys.PRIVATE_KEY);
		assertThat(environment("directory-service"))
			.doesNotContainKey("MEMBERSHIP_SECURITY_TOKEN_ISSUER_PRIVATE_KEY_LOCATION");
		assertThat(environment("notification-service"))
			.doesNotContainKey("MEMBERSHIP_SECURITY_TOKEN_ISSUER_PRIVATE_KEY_LOCATION");
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			assertThat(((Map<?, ?>) compose.get("volumes")).containsKey(keys)).as("volume " + keys).isTrue();
		}
		// the step runs as the services' user, so the mount point must be its own
		assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("RUN mkdir /keys && chown 10001 /keys");
		assertThat(Files.readString(ROOT.resolve("onboarding-service/src/main/resources/application.yml")))
			.containsPattern("token:\\s+issuer:\\s+enabled: true");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> services() throws IOException {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Object>) compose.get("services");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(String name) throws IOException {
		return (Map<String, Object>) services().get(name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String name) throws IOException {
		return (Map<String, Object>) service(name).get("environment");
	}

}
