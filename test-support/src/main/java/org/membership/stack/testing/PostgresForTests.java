package org.membership.stack.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL server of the {@code postgres} test profile
 * ({@code ./mvnw verify -Ppostgres}). The system property {@value #MODE} chooses it:
 * <ul>
 * <li>{@code local}: the server the profile's URL names (127.0.0.1:5432, database
 * {@code test});</li>
 * <li>{@code container}: a PostgreSQL container started by Testcontainers once per test
 * JVM (the image is {@value #IMAGE}, {@code postgres:17.6} by default, or any image with
 * the postgres image's contract, such as {@code membership-offline/postgres:17});</li>
 * <li>{@code auto}, the default: the local server where one answers, a container
 * otherwise, so that a machine with Docker and no PostgreSQL runs the suite with no
 * set-up.</li>
 * </ul>
 * The URL keeps its database and query (each service's schema); only the server changes.
 * Testcontainers is an optional dependency: only the {@code container} case needs it.
 * Public for the fault suite, which points service processes (not test contexts) at the
 * same server.
 */
public final class PostgresForTests {

	static final String MODE = "membership.test.postgres";

	static final String IMAGE = "membership.test.postgres.image";

	static final String CLEANUP_LABEL = "org.membership.test";

	private static final List<ConfigurableApplicationContext> USERS = new CopyOnWriteArrayList<>();

	private static PostgreSQLContainer container;

	private PostgresForTests() {
	}

	/**
	 * The datasource properties that point a test context at the chosen server.
	 * @param url the profile's {@code spring.datasource.url}
	 * @return no property for the local server, the container's address and credentials
	 * otherwise
	 */
	public static Map<String, Object> datasource(String url) {
		URI server = URI.create(url.substring("jdbc:".length()));
		String mode = System.getProperty(MODE, "auto").toLowerCase(Locale.ROOT);
		boolean local = switch (mode) {
			case "local" -> true;
			case "container" -> false;
			case "auto" -> answers(server);
			default ->
				throw new IllegalArgumentException("-D" + MODE + " is local, container or auto, not '" + mode + "'");
		};
		if (local) {
			return Map.of();
		}
		PostgreSQLContainer postgres = container(server.getPath().substring(1));
		return Map.of("spring.datasource.url",
				url.replace(server.getHost() + ":" + server.getPort(),
						postgres.getHost() + ":" + postgres.getFirstMappedPort()),
				"spring.datasource.username", postgres.getUsername(), "spring.datasource.password",
				postgres.getPassword());
	}

	private static synchronized PostgreSQLContainer container(String database) {
		if (container == null) {
			DockerImageName image = DockerImageName.parse(System.getProperty(IMAGE, "postgres:17.6"))
				.asCompatibleSubstituteFor("postgres");
			PostgreSQLContainer started = new PostgreSQLContainer(image).withDatabaseName(database)
				.withUsername("postgres")
				.withPassword("postgres")
				// by this label, scripts/docker-engine.sh cleanup finds what a killed JVM
				// left
				.withLabel(CLEANUP_LABEL, "postgres");
			started.start();
			// removed with the JVM, also where Ryuk (Testcontainers' reaper) cannot run
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				awaitClosed(Duration.ofSeconds(20));
				started.stop();
			}, "postgres-container-stop"));
			container = started;
		}
		return container;
	}

	/**
	 * Keeps the container until the context is closed. Spring closes the test contexts in
	 * shutdown hooks of their own, which the JVM runs at the same time as the
	 * container's: a context whose database vanished under it waits for connections until
	 * Hikari gives up, and Surefire kills a test JVM that takes 30 s to exit.
	 * @param context a context that uses the container
	 */
	static void usedBy(ConfigurableApplicationContext context) {
		USERS.add(context);
	}

	private static void awaitClosed(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (USERS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
	}

	private static boolean answers(URI server) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
