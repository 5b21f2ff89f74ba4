package org.membership.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Apicurio Registry (3.3.x, Java 21+) in a child JVM. Running it inside the
 * Spring JVM does not work cleanly (Quarkus and Spring class paths clash), hence its own
 * process.
 */
public final class SchemaRegistry implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private final Settings settings;

	private ChildJvm process;

	/**
	 * @param port the HTTP port of the APIs
	 * @param managementPort the port of Quarkus' management interface (health, metrics)
	 * @param dataDirectory where the H2 file lives when {@code persistent}, and the log
	 * @param persistent whether schemas survive a restart (H2 file) or not (in memory)
	 */
	public record Settings(int port, int managementPort, Path dataDirectory, boolean persistent) {

		/** Free loopback ports, schemas in memory. */
		public static Settings forTests(Path dataDirectory) {
			return new Settings(Ports.free(), Ports.free(), dataDirectory, false);
		}

	}

	public SchemaRegistry(Settings settings) {
		this.settings = settings;
	}

	/** Starts the child JVM; {@link #awaitReady()} waits until the APIs answer. */
	public synchronized SchemaRegistry launch() {
		if (this.process != null && this.process.isAlive()) {
			return this;
		}
		Ports.requireFree(this.settings.port(), "Apicurio Registry");
		Ports.requireFree(this.settings.managementPort(), "Apicurio Registry management");
		Path runner = ApicurioDistribution.runnerJar();
		Map<String, String> environment = new HashMap<>();
		if (this.settings.persistent()) {
			environment.put("APICURIO_STORAGE_KIND", "sql");
			environment.put("APICURIO_STORAGE_SQL_KIND", "h2");
			environment.put("APICURIO_DATASOURCE_URL",
					"jdbc:h2:file:" + this.settings.dataDirectory().toAbsolutePath().resolve("registry"));
			environment.put("APICURIO_DATASOURCE_USERNAME", "sa");
			environment.put("APICURIO_DATASOURCE_PASSWORD", "sa");
		}
		this.process = ChildJvm.start("Apicurio Registry",
				List.of("-Xms64m", "-Xmx384m", "-Dquarkus.http.host=" + Ports.LOOPBACK,
						"-Dquarkus.http.port=" + this.settings.port(), "-Dquarkus.management.host=" + Ports.LOOPBACK,
						"-Dquarkus.management.port=" + this.settings.managementPort(),
						"-Dquarkus.log.console.format=%d{HH:mm:ss} %-5p [%c{2.}] %s%e%n"),
				runner.toString(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), environment,
				runner.getParent(), this.settings.dataDirectory().resolve("registry.out"));
		return this;
	}

	/** Starts the registry and waits until it answers. */
	public SchemaRegistry start() {
		return launch().awaitReady();
	}

	/** Waits until the registry's API answers, or fails with the end of its log. */
	public SchemaRegistry awaitReady() {
		URI info = URI.create(apiUrl() + "/system/info");
		this.process.awaitReady(() -> ChildJvm.answersOk(info), STARTUP_TIMEOUT);
		return this;
	}

	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(20));
			this.process = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	/** The process id, while it runs. */
	public long pid() {
		return this.process.pid();
	}

	/** Base URL of the Apicurio v3 API, the value of {@code apicurio.registry.url}. */
	public String apiUrl() {
		return baseUrl() + "/apis/registry/v3";
	}

	/**
	 * Base URL of the Confluent-compatible API, for Confluent clients in any language.
	 */
	public String confluentCompatibleUrl() {
		return baseUrl() + "/apis/ccompat/v7";
	}

	public String baseUrl() {
		return "http://" + Ports.LOOPBACK + ":" + this.settings.port();
	}

	public Settings settings() {
		return this.settings;
	}

}
