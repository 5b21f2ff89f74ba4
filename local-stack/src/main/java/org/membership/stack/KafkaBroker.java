package org.membership.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process),
 * run in a child JVM from the Kafka artifacts on the class path. It can be stopped and
 * started again on the same ports and data, which is what an outage test needs.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final Settings settings;

	private ChildJvm process;

	/**
	 * @param port the client port (PLAINTEXT listener)
	 * @param dataDirectory where the log segments and metadata live; kept across restarts
	 * @param defaultPartitions partitions of topics created without a count
	 * @param classPath the class path holding the Kafka server jars
	 */
	public record Settings(int port, int controllerPort, Path dataDirectory, int defaultPartitions, String classPath) {

		/** Free loopback ports, a fresh directory, the class path of this JVM. */
		public static Settings forTests(Path dataDirectory) {
			return new Settings(Ports.free(), Ports.free(), dataDirectory, 3, System.getProperty("java.class.path"));
		}

	}

	public KafkaBroker(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Starts the broker (formatting its storage on first use) and waits until it serves
	 * clients.
	 */
	public synchronized KafkaBroker start() {
		if (this.process != null && this.process.isAlive()) {
			return this;
		}
		Ports.requireFree(this.settings.port(), "Kafka broker");
		Ports.requireFree(this.settings.controllerPort(), "Kafka controller");
		Path config = writeConfig();
		if (!Files.exists(logDirectory().resolve("meta.properties"))) {
			format(config);
		}
		this.process = ChildJvm.start("Kafka broker", List.of("-Xms128m", "-Xmx512m", ChildJvm.LOGBACK_CONFIG),
				this.settings.classPath(), "kafka.Kafka", List.of(config.toString()), Map.of(),
				this.settings.dataDirectory(), this.settings.dataDirectory().resolve("broker.out"));
		this.process.awaitReady(this::servesClients, STARTUP_TIMEOUT);
		return this;
	}

	/** Stops the broker gracefully (controlled shutdown); its data stays. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(30));
			this.process = null;
		}
	}

	/**
	 * Kills the broker (SIGKILL, as {@code kill -9}): no controlled shutdown, the log
	 * recovers on the next {@link #start()}, which uses the same ports and data.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
			this.process = null;
		}
	}

	/**
	 * Freezes the broker (SIGSTOP): its ports stay open and nothing answers, as with a
	 * long garbage-collection pause or a hung host. {@link #resume()} lets it go on.
	 */
	public synchronized void pause() {
		this.process.signal("STOP");
	}

	/** Lets a {@link #pause() paused} broker go on (SIGCONT). */
	public synchronized void resume() {
		this.process.signal("CONT");
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** The {@code bootstrap.servers} value for clients. */
	public String bootstrapServers() {
		return Ports.LOOPBACK + ":" + this.settings.port();
	}

	public Settings settings() {
		return this.settings;
	}

	/** The process id, while it runs. */
	public long pid() {
		return this.process.pid();
	}

	private Path logDirectory() {
		return this.settings.dataDirectory().resolve("logs");
	}

	private Path writeConfig() {
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + this.settings.controllerPort());
		config.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + this.settings.port() + ",CONTROLLER://"
				+ Ports.LOOPBACK + ":" + this.settings.controllerPort());
		config.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("log.dirs", logDirectory().toString());
		config.put("num.partitions", Integer.toString(this.settings.defaultPartitions()));
		// one node: every internal topic has a single replica
		config.put("offsets.topic.replication.factor", "1");
		config.put("offsets.topic.num.partitions", "5");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		// topics are created on purpose, by TopicSetup
		config.put("auto.create.topics.enable", "false");
		try {
			Files.createDirectories(this.settings.dataDirectory());
			Path file = this.settings.dataDirectory().resolve("server.properties");
			try (var out = Files.newBufferedWriter(file)) {
				config.store(out, "written by org.membership.stack.KafkaBroker");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void format(Path config) {
		ChildJvm formatter = ChildJvm.start("Kafka storage format", List.of("-Xmx256m", ChildJvm.LOGBACK_CONFIG),
				this.settings.classPath(), "kafka.tools.StorageTool",
				List.of("format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(),
						"--ignore-formatted"),
				Map.of(), this.settings.dataDirectory(), this.settings.dataDirectory().resolve("format.out"));
		int exit = formatter.awaitExit(Duration.ofSeconds(60));
		if (exit != 0) {
			throw new StackException("Formatting the Kafka storage failed (exit " + exit + ")\n" + formatter.logTail());
		}
	}

	/** Whether the broker serves clients: it lists itself as a node of the cluster. */
	private boolean servesClients() {
		if (!Ports.isListening(this.settings.port())) {
			return false;
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting for Kafka", ex);
		}
	}

}
