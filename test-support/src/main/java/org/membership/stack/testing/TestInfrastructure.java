package org.membership.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.membership.stack.KafkaBroker;
import org.membership.stack.LocalStack;
import org.membership.stack.SchemaRegistry;
import org.membership.stack.Watchdog;

import org.springframework.util.FileSystemUtils;

/**
 * The real broker and registry for integration tests: started once per test JVM on free
 * loopback ports, with the contract's topics and schemas in place, and stopped when the
 * JVM exits (the children also stop by themselves if this JVM is killed, see
 * {@link Watchdog}).
 */
public final class TestInfrastructure {

	private static TestInfrastructure shared;

	private final Path directory;

	private final KafkaBroker broker;

	private final SchemaRegistry registry;

	private TestInfrastructure(Path directory, KafkaBroker broker, SchemaRegistry registry) {
		this.directory = directory;
		this.broker = broker;
		this.registry = registry;
	}

	/** The infrastructure of this JVM, started on first use. */
	public static synchronized TestInfrastructure get() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-infrastructure-shutdown"));
		}
		return shared;
	}

	private static TestInfrastructure start() {
		// a free port is chosen, released, then bound by a child JVM: another build's
		// test JVM may take it in between, and fresh ports cure that
		RuntimeException failure = null;
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				return startOnce();
			}
			catch (RuntimeException ex) {
				failure = ex;
				System.err.println("Test infrastructure: attempt " + attempt + " failed: " + ex.getMessage());
			}
		}
		throw failure;
	}

	private static TestInfrastructure startOnce() {
		Path directory;
		try {
			directory = Files.createTempDirectory("membership-test-infrastructure");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SchemaRegistry registry = new SchemaRegistry(SchemaRegistry.Settings.forTests(directory.resolve("registry")));
		KafkaBroker broker = new KafkaBroker(KafkaBroker.Settings.forTests(directory.resolve("kafka")));
		TestInfrastructure infrastructure = new TestInfrastructure(directory, broker, registry);
		try {
			LocalStack.startWithContract(broker, registry, () -> {
			});
			return infrastructure;
		}
		catch (RuntimeException ex) {
			infrastructure.stop();
			throw ex;
		}
	}

	private void stop() {
		this.registry.stop();
		this.broker.stop();
		try {
			FileSystemUtils.deleteRecursively(this.directory);
		}
		catch (IOException ex) {
			// a temporary directory: the operating system cleans it up
		}
	}

	/** The {@code bootstrap.servers} value of the broker. */
	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** The value of {@code apicurio.registry.url} (Apicurio v3 API). */
	public String registryUrl() {
		return this.registry.apiUrl();
	}

	/** The registry's Confluent-compatible API, as a Confluent client would use it. */
	public String confluentCompatibleRegistryUrl() {
		return this.registry.confluentCompatibleUrl();
	}

	/** The broker itself, for tests that stop and restart it (outages). */
	public KafkaBroker broker() {
		return this.broker;
	}

	public SchemaRegistry registry() {
		return this.registry;
	}

}
