package org.membership.faults;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.membership.events.AvroClasses;
import org.membership.stack.KafkaBroker;
import org.membership.stack.LocalStack;
import org.membership.stack.MailServer;
import org.membership.stack.Ports;
import org.membership.stack.SchemaRegistry;
import org.membership.stack.ServiceProcess;
import org.membership.stack.StaffKeys;
import org.membership.stack.testing.PostgresForTests;

/**
 * Everything the faults act on, started once per test class: a child-process broker
 * (KRaft), the registry with the contract in place, an SMTP server (GreenMail, in this
 * JVM so that a test can stop and start it), and two instances of each service from the
 * jars of this build, on PostgreSQL (a schema per service, both instances on it and in
 * one consumer group). The onboarding instances reach PostgreSQL through a
 * {@link PostgresProxy} that a test can cut.
 * <p>
 * The services run with their own defaults except for the intervals that bound how long a
 * fault takes to heal and so the quiet window of every check ({@link #QUIET_WINDOW}): the
 * outbox resends after 20 s (above the producer's longest send, 15 s here), the mail
 * lease is 30 s (above the SMTP time-outs), the effective-date poll 5 s.
 */
final class FaultStack implements BeforeAllCallback, AfterAllCallback {

	static final String ONBOARDING = "onboarding-service";

	static final String DIRECTORY = "directory-service";

	static final String NOTIFICATION = "notification-service";

	static final List<String> SERVICES = List.of(ONBOARDING, DIRECTORY, NOTIFICATION);

	/**
	 * Longer than anything that could still produce a duplicate once the system looks
	 * settled: the outbox's resend (older than 20 s, looked for every 5 s), the mail
	 * lease (30 s) plus its poll (2 s), a rebalance after a restart.
	 */
	static final Duration QUIET_WINDOW = Duration.ofSeconds(35);

	static final Duration SERVICE_STARTUP = Duration.ofMinutes(4);

	private static final Path ROOT = Path.of(System.getProperty("membership.repository.root", ".."))
		.toAbsolutePath()
		.normalize();

	private final String run = "f" + Long.toString(System.currentTimeMillis(), 36);

	private Path data;

	private KafkaBroker broker;

	private SchemaRegistry registry;

	private MailServer mail;

	private int smtpPort;

	private int imapPort;

	private PostgresProxy proxy;

	private Database database;

	private StaffKeys staffKeys;

	private final String staffPassword = "faults-" + Long.toHexString(System.nanoTime());

	private final Map<String, ServiceProcess[]> instances = new LinkedHashMap<>();

	private final Map<String, int[]> ports = new LinkedHashMap<>();

	/** Where PostgreSQL is, and the schema of each service in this run. */
	record Database(String host, int port, String name, String user, String password) {

		String url(String host, int port, String schema) {
			return "jdbc:postgresql://" + host + ":" + port + "/" + this.name + "?currentSchema=" + schema;
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection("jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name,
					this.user, this.password);
		}

	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.data = Files.createTempDirectory("membership-faults");
		this.database = prepareDatabase();
		this.proxy = new PostgresProxy(this.database.host(), this.database.port()).restore();
		this.broker = new KafkaBroker(KafkaBroker.Settings.forTests(this.data.resolve("kafka")));
		this.registry = new SchemaRegistry(SchemaRegistry.Settings.forTests(this.data.resolve("registry")));
		this.smtpPort = Ports.free();
		this.imapPort = Ports.free();
		LocalStack.startWithContract(this.broker, this.registry, this::startMail);
		this.staffKeys = StaffKeys.in(this.data.resolve("keys"));
		for (String service : SERVICES) {
			this.ports.put(service, new int[] { Ports.free(), Ports.free() });
			this.instances.put(service, new ServiceProcess[2]);
		}
		// all six at once: Flyway takes a lock on PostgreSQL, so the second instance of a
		// service waits for the first one's migration
		startAndAwait(SERVICES.stream()
			.flatMap((service) -> java.util.stream.Stream.of(new Instance(service, 0), new Instance(service, 1)))
			.toList());
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.instances.values()
			.stream()
			.flatMap((pair) -> java.util.Arrays.stream(pair))
			.filter((process) -> process != null)
			.forEach((process) -> process.stop(Duration.ofSeconds(20)));
		if (this.mail != null) {
			this.mail.stop();
		}
		if (this.registry != null) {
			this.registry.stop();
		}
		if (this.broker != null) {
			this.broker.stop();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
		if (this.database != null) {
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				for (String service : SERVICES) {
					statement.execute("drop schema if exists " + schema(service) + " cascade");
				}
			}
		}
	}

	/** One instance of a service: its name and index (0 or 1). */
	record Instance(String service, int index) {
	}

	/** Starts the instances at once and waits until each is ready. */
	void startAndAwait(List<Instance> toStart) {
		List<ServiceProcess> started = new ArrayList<>();
		for (Instance instance : toStart) {
			ServiceProcess process = start(instance);
			this.instances.get(instance.service())[instance.index()] = process;
			started.add(process);
		}
		CompletableFuture
			.allOf(started.stream()
				.map((process) -> CompletableFuture.runAsync(() -> process.awaitReady(SERVICE_STARTUP)))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	/** Kills the instances ({@code kill -9}). */
	void kill(List<Instance> toKill) {
		for (Instance instance : toKill) {
			this.instances.get(instance.service())[instance.index()].kill();
		}
	}

	private ServiceProcess start(Instance instance) {
		String service = instance.service();
		String name = service + "-" + (instance.index() + 1);
		int port = this.ports.get(service)[instance.index()];
		String schema = schema(service);
		boolean onboarding = service.equals(ONBOARDING);
		String url = onboarding ? this.database.url(Ports.LOOPBACK, this.proxy.port(), schema)
				: this.database.url(this.database.host(), this.database.port(), schema);
		List<String> arguments = new ArrayList<>(
				List.of("--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
						"--spring.kafka.properties.apicurio.registry.url=" + this.registry.apiUrl(),
						"--spring.mail.host=" + Ports.LOOPBACK, "--spring.mail.port=" + this.smtpPort,
						"--spring.datasource.url=" + url, "--spring.datasource.username=" + this.database.user(),
						"--spring.datasource.password=" + this.database.password(), "--spring.flyway.schemas=" + schema,
						"--spring.flyway.default-schema=" + schema, "--spring.flyway.create-schemas=true",
						// a database that went away answers within seconds (503), not
						// after 30 s
						"--spring.datasource.hikari.connection-timeout=2000",
						"--spring.datasource.hikari.validation-timeout=1000",
						// the producer gives up a send within 15 s; the outbox resends
						// after 20 s
						"--spring.kafka.producer.properties.max.block.ms=5000",
						"--spring.kafka.producer.properties.request.timeout.ms=5000",
						"--spring.kafka.producer.properties.delivery.timeout.ms=10000",
						"--membership.outbox.resubmit-interval=5s", "--membership.outbox.resubmit-older-than=20s",
						"--spring.modulith.events.staleness.check-intervall=10s",
						"--spring.modulith.events.staleness.processing=40s",
						"--spring.modulith.events.staleness.resubmission=40s",
						"--spring.modulith.events.staleness.published=40s",
						"--membership.onboarding.effective-dates.poll-interval=5s",
						"--membership.notification.lease=30s", "--membership.notification.max-back-off=15s",
						"--logging.level.root=WARN", "--logging.level.org.membership=INFO"));
		arguments.addAll(this.staffKeys.arguments(onboarding));
		Path jar = ROOT.resolve(service).resolve("target").resolve(service + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the reactor packages every service first");
		}
		List<String> options = List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xss512k",
				"-D" + AvroClasses.SERIALIZABLE_PACKAGES + "=" + AvroClasses.class.getPackageName());
		return ServiceProcess.start(name, jar, port, options, arguments, Map.of("STAFF_PASSWORD", this.staffPassword),
				ROOT, this.data.resolve("logs").resolve(name + ".log"));
	}

	private void startMail() {
		this.mail = new MailServer(this.smtpPort, this.imapPort, this.data.resolve("mail"), 10).start();
	}

	/** Stops the SMTP server: connections are refused until {@link #startMail()}. */
	void stopMail() {
		this.mail.stop();
		this.mail = null;
	}

	/** Starts the SMTP server again on the same ports and mail directory. */
	void restartMail() {
		startMail();
	}

	private Database prepareDatabase() throws SQLException {
		String url = "jdbc:postgresql://127.0.0.1:5432/test";
		Map<String, Object> container = PostgresForTests.datasource(url);
		Database database;
		if (container.isEmpty()) {
			database = new Database("127.0.0.1", 5432, "test", "postgres", "");
		}
		else {
			URI server = URI.create(((String) container.get("spring.datasource.url")).substring("jdbc:".length()));
			database = new Database(server.getHost(), server.getPort(), "test",
					(String) container.get("spring.datasource.username"),
					(String) container.get("spring.datasource.password"));
		}
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String service : SERVICES) {
				statement.execute("drop schema if exists " + schema(service) + " cascade");
			}
		}
		return database;
	}

	/** The schema of a service in this run, e.g. {@code f1a2b3_directory}. */
	String schema(String service) {
		return this.run + "_" + service.replace("-service", "");
	}

	String run() {
		return this.run;
	}

	Database database() {
		return this.database;
	}

	PostgresProxy proxy() {
		return this.proxy;
	}

	KafkaBroker broker() {
		return this.broker;
	}

	String staffPassword() {
		return this.staffPassword;
	}

	/** Where the SMTP server writes each mail it receives. */
	Path mailDirectory() {
		return this.data.resolve("mail");
	}

	URI address(String service, int index) {
		return URI.create("http://" + Ports.LOOPBACK + ":" + this.ports.get(service)[index]);
	}

	ServiceProcess instance(String service, int index) {
		return this.instances.get(service)[index];
	}

}
