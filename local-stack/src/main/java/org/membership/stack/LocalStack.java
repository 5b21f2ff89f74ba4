package org.membership.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.membership.events.AvroClasses;

/**
 * The embedded default: {@code ./run-local} runs this. It starts a Kafka broker and the
 * registry, creates the topics and registers the schemas, then starts every service that
 * has been built, each in its own JVM on an H2 file database under the data directory.
 * Ctrl-C stops everything; the data directory survives for the next start.
 */
public final class LocalStack {

	private static final Duration SERVICE_STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/** A service of the system: its module directory name and HTTP port. */
	public record Service(String name, int port) {
	}

	/** The pages a person opens, per service: label and path. */
	private static final Map<String, List<Map.Entry<String, String>>> PAGES = Map.of("onboarding-service",
			List.of(Map.entry("Application form", "/"), Map.entry("Staff console", "/staff")), "directory-service",
			List.of(Map.entry("Member directory", "/members")), "notification-service",
			List.of(Map.entry("Announcements", "/announcements"), Map.entry("Atom feed", "/announcements.atom")));

	/** The services with their local ports (the README's table). */
	/** Where onboarding-service sends the daily digest of overdue reviews. */
	public static final String REVIEW_DIGEST_TO = "membership-staff@digitalsme.example";

	public static final List<Service> SERVICES = List.of(new Service("onboarding-service", 8081),
			new Service("directory-service", 8082), new Service("notification-service", 8083));

	/**
	 * Where and how the stack runs.
	 *
	 * @param root the repository root (service jars are under {@code <service>/target})
	 * @param dataDirectory where every process keeps its data
	 * @param kafka the broker's settings
	 * @param registry the registry's settings
	 * @param services the services to start when their jar exists
	 * @param staffPassword the password of the {@code staff} user
	 */
	public record Config(Path root, Path dataDirectory, KafkaBroker.Settings kafka, SchemaRegistry.Settings registry,
			int smtpPort, int imapPort, List<Service> services, String staffPassword) {

		/**
		 * The local defaults (the README's ports), overridable through the environment:
		 * {@code STACK_DATA_DIR}, {@code STACK_PARTITIONS}, {@code STAFF_PASSWORD}.
		 */
		public static Config fromEnvironment(Path root) {
			Map<String, String> env = System.getenv();
			Path data = root.resolve(env.getOrDefault("STACK_DATA_DIR", ".data")).toAbsolutePath().normalize();
			int partitions = Integer.parseInt(env.getOrDefault("STACK_PARTITIONS", "3"));
			// absolute, because the broker's JVM runs in its own data directory
			String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.map((entry) -> Path.of(entry).toAbsolutePath().toString())
				.collect(Collectors.joining(File.pathSeparator));
			return new Config(root.toAbsolutePath().normalize(), data,
					new KafkaBroker.Settings(9092, 9093, data.resolve("kafka"), partitions, classPath),
					new SchemaRegistry.Settings(8080, 9000, data.resolve("registry"), true), 3025, 3143, SERVICES,
					env.getOrDefault("STAFF_PASSWORD", ""));
		}

	}

	private final Config config;

	private final KafkaBroker broker;

	private final SchemaRegistry registry;

	/**
	 * Where the stack's SMTP server ({@link MailServer}, in its own JVM) listens and
	 * writes what it receives.
	 *
	 * @param imapPort any login reads every mail
	 * @param mailDirectory where each received mail lands as an {@code .eml} file
	 */
	public record Mail(int smtpPort, int imapPort, Path mailDirectory) {
	}

	private final Mail mail;

	private ChildJvm mailServer;

	private final List<ChildJvm> services = new ArrayList<>();

	private final String staffPassword;

	private final boolean staffPasswordGenerated;

	private StaffKeys staffKeys;

	public LocalStack(Config config) {
		this.config = config;
		this.broker = new KafkaBroker(config.kafka());
		this.registry = new SchemaRegistry(config.registry());
		this.mail = new Mail(config.smtpPort(), config.imapPort(), config.dataDirectory().resolve("mail"));
		this.staffPasswordGenerated = config.staffPassword().isBlank();
		this.staffPassword = this.staffPasswordGenerated ? generatePassword() : config.staffPassword();
	}

	public static void main(String[] args) {
		LocalStack stack = new LocalStack(Config.fromEnvironment(Path.of("")));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping the local stack ...");
			stack.stop();
			System.out.println("Stopped. Data kept in " + stack.config.dataDirectory());
		}, "local-stack-shutdown"));
		try {
			stack.start();
			System.out.println(stack.banner());
			new CountDownLatch(1).await();
		}
		catch (StackException ex) {
			System.err.println("\nrun-local: " + ex.getMessage());
			System.exit(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts broker and registry, sets up topics and schemas, then the services. */
	public void start() {
		Ports.requireFree(this.config.kafka().port(), "Kafka broker");
		Ports.requireFree(this.config.registry().port(), "Apicurio Registry");
		Ports.requireFree(this.config.smtpPort(), "SMTP server");
		for (Service service : servicesToStart()) {
			Ports.requireFree(service.port(), service.name());
		}
		this.staffKeys = StaffKeys.in(this.config.dataDirectory().resolve("keys"));
		log("Starting Kafka (KRaft) on " + this.broker.bootstrapServers() + " and the Apicurio Registry on "
				+ this.registry.baseUrl() + " ...");
		ContractSetup.Result contract = startWithContract(this.broker, this.registry,
				() -> this.mailServer = startMailServer());
		log("Topics: " + TopicSetup.topicNames().size() + " in place (" + contract.createdTopics().size()
				+ " created now).");
		log("Schemas registered (" + SchemaRegistrar.COMPATIBILITY + "): " + contract.schemaIds());
		for (Service service : servicesToStart()) {
			this.services.add(startService(service, List.of()));
		}
		for (int i = 0; i < this.services.size(); i++) {
			awaitHealthy(this.services.get(i), servicesToStart().get(i));
		}
	}

	/**
	 * Starts the registry and the broker side by side (the registry's JVM boots while the
	 * broker starts), runs {@code meanwhile}, then puts the contract in place on them:
	 * how {@code ./run-local} and every test JVM begin.
	 */
	public static ContractSetup.Result startWithContract(KafkaBroker broker, SchemaRegistry registry,
			Runnable meanwhile) {
		registry.launch();
		CompletableFuture<KafkaBroker> started = CompletableFuture.supplyAsync(broker::start);
		meanwhile.run();
		registry.awaitReady();
		try {
			started.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		return ContractSetup.putInPlace(broker.bootstrapServers(), registry.confluentCompatibleUrl(),
				broker.settings().defaultPartitions());
	}

	/** Stops the services, then the registry, then the broker. */
	public synchronized void stop() {
		this.services.forEach((service) -> service.stop(Duration.ofSeconds(30)));
		this.services.clear();
		if (this.mailServer != null) {
			this.mailServer.stop(Duration.ofSeconds(10));
			this.mailServer = null;
		}
		this.registry.stop();
		this.broker.stop();
	}

	public KafkaBroker broker() {
		return this.broker;
	}

	public SchemaRegistry registry() {
		return this.registry;
	}

	public Mail mail() {
		return this.mail;
	}

	/**
	 * The process id of every process of the stack by name (broker, registry, SMTP
	 * server, each service), while they run: what a benchmark reads its resident memory
	 * from.
	 */
	public synchronized Map<String, Long> processIds() {
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("Kafka broker", this.broker.pid());
		pids.put("Apicurio Registry", this.registry.pid());
		if (this.mailServer != null) {
			pids.put("SMTP server", this.mailServer.pid());
		}
		List<Service> started = servicesToStart();
		for (int i = 0; i < this.services.size(); i++) {
			pids.put(started.get(i).name(), this.services.get(i).pid());
		}
		return pids;
	}

	/** The services whose jar has been built. */
	List<Service> servicesToStart() {
		return this.config.services().stream().filter((service) -> Files.isRegularFile(jar(service))).toList();
	}

	private Path jar(Service service) {
		return this.config.root().resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
	}

	private ChildJvm startMailServer() {
		Ports.requireFree(this.mail.imapPort(), "IMAP server");
		ChildJvm process = ChildJvm.start("SMTP server", List.of("-Xmx128m", ChildJvm.LOGBACK_CONFIG),
				this.config.kafka().classPath(), MailServer.class.getName(),
				List.of(Integer.toString(this.mail.smtpPort()), Integer.toString(this.mail.imapPort()),
						this.mail.mailDirectory().toString()),
				Map.of(), this.config.dataDirectory(), this.config.dataDirectory().resolve("logs").resolve("mail.log"));
		process.awaitReady(() -> Ports.isListening(this.mail.smtpPort()) && Ports.isListening(this.mail.imapPort()),
				Duration.ofSeconds(60));
		return process;
	}

	/**
	 * Stops a running service and starts it again with extra arguments, waiting until it
	 * is ready: a restart after downtime, or with other settings.
	 * @param name the service, e.g. {@code onboarding-service}
	 * @param extraArguments Spring Boot arguments such as {@code --some.property=value}
	 */
	public synchronized void restartService(String name, List<String> extraArguments) {
		List<Service> started = servicesToStart();
		int index = started.stream().map(Service::name).toList().indexOf(name);
		if (index < 0 || index >= this.services.size()) {
			throw new StackException(name + " is not running in this stack");
		}
		this.services.get(index).stop(Duration.ofSeconds(30));
		log("Restarting " + name + " " + extraArguments + " ...");
		this.services.set(index, startService(started.get(index), extraArguments));
		awaitHealthy(this.services.get(index), started.get(index));
	}

	private ChildJvm startService(Service service, List<String> extraArguments) {
		Path data = this.config.dataDirectory().resolve(service.name());
		try {
			Files.createDirectories(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log("Starting " + service.name() + " on port " + service.port() + " ...");
		// the heap starts small and grows with the load (by default it would start at a
		// 64th of the machine's memory, capped by -Xmx)
		List<String> options = List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-D" + AvroClasses.SERIALIZABLE_PACKAGES + "=" + AvroClasses.class.getPackageName());
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + service.port(),
				"--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
				"--spring.kafka.properties.apicurio.registry.url=" + this.registry.apiUrl(),
				"--spring.mail.host=" + Ports.LOOPBACK, "--spring.mail.port=" + this.mail.smtpPort(),
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("db")));
		arguments.addAll(this.staffKeys.arguments(service.name().equals("onboarding-service")));
		if (service.name().equals("onboarding-service")) {
			// the staff's daily digest of overdue reviews, in the stack's mail directory
			// with
			// the other mails (SMTP as above)
			arguments.add("--membership.onboarding.review-digest.to=" + REVIEW_DIGEST_TO);
		}
		// every page links to the other services' pages, wherever they run
		for (Service linked : servicesToStart()) {
			arguments.add("--membership.web.links." + linked.name().replace("-service", "") + "=http://"
					+ Ports.LOOPBACK + ":" + linked.port());
		}
		arguments.addAll(extraArguments);
		return ChildJvm.start(service.name(), options, jar(service).toString(),
				"org.springframework.boot.loader.launch.JarLauncher", arguments,
				Map.of("STAFF_PASSWORD", this.staffPassword), this.config.root(),
				this.config.dataDirectory().resolve("logs").resolve(service.name() + ".log"));
	}

	private void awaitHealthy(ChildJvm process, Service service) {
		URI readiness = URI.create("http://" + Ports.LOOPBACK + ":" + service.port() + "/actuator/health/readiness");
		process.awaitReady(() -> ChildJvm.answersOk(readiness), SERVICE_STARTUP_TIMEOUT);
		log(service.name() + " is up.");
	}

	/** What runs where, for the person who started the stack. */
	public String banner() {
		StringBuilder banner = new StringBuilder("\n=== Membership onboarding: local stack is running ===\n");
		banner.append(String.format("  Kafka (KRaft)        %s  (controller: port %d)%n",
				this.broker.bootstrapServers(), this.config.kafka().controllerPort()));
		// the registry's application archive ships no web UI: only its APIs are listed
		banner
			.append(String.format("  Apicurio Registry    %s/apis  (Confluent API: %s, health: http://%s:%d/health)%n",
					this.registry.baseUrl(), this.registry.confluentCompatibleUrl(), Ports.LOOPBACK,
					this.config.registry().managementPort()));
		banner.append(String.format("  Mails sent           %s  (SMTP %s:%d, IMAP %s:%d, any login)%n",
				this.mail.mailDirectory(), Ports.LOOPBACK, this.mail.smtpPort(), Ports.LOOPBACK, this.mail.imapPort()));
		for (Service service : servicesToStart()) {
			banner.append(String.format("  %-20s http://%s:%d  (health: /actuator/health)%n", service.name(),
					Ports.LOOPBACK, service.port()));
			for (Map.Entry<String, String> page : PAGES.getOrDefault(service.name(), List.of())) {
				banner.append(String.format("    %-18s http://%s:%d%s%n", page.getKey(), Ports.LOOPBACK, service.port(),
						page.getValue()));
			}
		}
		if (servicesToStart().isEmpty()) {
			banner.append("  (no service jar built yet: run ./mvnw -DskipTests package)\n");
		}
		banner.append(String.format("  Staff login          staff / %s%s%n", this.staffPassword,
				this.staffPasswordGenerated ? "  (generated; set STAFF_PASSWORD to choose one)" : ""));
		if (this.staffKeys != null) {
			banner
				.append(String.format("  Staff tokens         POST /api/staff/token on onboarding-service (keys: %s)%n",
						this.staffKeys.publicKey().getParent()));
		}
		banner.append(String.format("  Data and logs        %s%n", this.config.dataDirectory()));
		banner.append("Press Ctrl-C to stop everything.\n");
		return banner.toString();
	}

	private static String generatePassword() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void log(String message) {
		System.out.println("[run-local] " + message);
	}

}
