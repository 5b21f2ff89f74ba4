package org.membership.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.membership.stack.LocalStack;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} cannot be started where the tests run (no images can be
 * pulled), so its agreement with the services is checked here: names, ports, the settings
 * each service reads, the databases that the PostgreSQL container creates.
 */
class DockerComposeTests {

	private static final Path ROOT = Path.of(System.getProperty("membership.repository.root", ".."))
		.toAbsolutePath()
		.normalize();

	@Test
	void runsTheInfrastructureTheContractSetupAndEveryService() throws IOException {
		assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "postgres", "registry", "mail",
				"contract-setup", "onboarding-service", "directory-service", "notification-service");
	}

	@Test
	void everyServicePublishesItsLocalPortOnLoopbackAndListensOnIt() throws IOException {
		for (LocalStack.Service service : LocalStack.SERVICES) {
			Map<String, Object> compose = service(service.name());
			assertThat(compose.get("ports")).as(service.name())
				.isEqualTo(List.of("127.0.0.1:" + service.port() + ":" + service.port()));
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
		String databases = Files.readString(ROOT.resolve("docker/postgres/init-databases.sql"));
		for (LocalStack.Service service : LocalStack.SERVICES) {
			Map<String, Object> environment = environment(service.name());
			assertThat(environment).as(service.name())
				.containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_PROPERTIES_APICURIO_REGISTRY_URL",
						"SPRING_DATASOURCE_URL", "STAFF_PASSWORD");
			String database = environment.get("SPRING_DATASOURCE_URL").toString().replaceAll(".*/", "");
			assertThat(databases).as(service.name()).contains("CREATE DATABASE " + database + ";");
			// the service reads its staff password from this very variable
			assertThat(Files.readString(ROOT.resolve(service.name()).resolve("src/main/resources/application.yml")))
				.as(service.name())
				.contains("${STAFF_PASSWORD:}");
		}
		assertThat(environment("contract-setup")).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_CCOMPAT_URL");
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
