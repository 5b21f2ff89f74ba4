package org.membership.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.membership.stack.KafkaBroker;
import org.membership.stack.LocalStack;
import org.membership.stack.Ports;
import org.membership.stack.SchemaRegistry;

/**
 * The whole system as {@code ./run-local} runs it, for one test class: every service from
 * the jar the reactor has just packaged, each in its own JVM, beside a real broker,
 * registry and SMTP server, all on free ports with their data in a temporary directory.
 * Registered as a static extension, it starts before the class's first test and stops
 * after its last; the tests reach it through its public interfaces only.
 */
final class LocalSystem implements BeforeAllCallback, AfterAllCallback {

	private final String name;

	private LocalStack stack;

	private PublicApi api;

	private Path data;

	/**
	 * @param name names the temporary data directory
	 */
	LocalSystem(String name) {
		this.name = name;
	}

	/** Starts everything and waits until every service is ready. */
	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Path data = Files.createTempDirectory(this.name);
		this.data = data;
		String staffPassword = "e2e-" + Long.toHexString(System.nanoTime());
		List<LocalStack.Service> services = LocalStack.SERVICES.stream()
			.map((service) -> new LocalStack.Service(service.name(), Ports.free()))
			.toList();
		for (LocalStack.Service service : services) {
			// the stack starts only what has been built: a missing jar would be a missing
			// service
			Path jar = Repository.ROOT.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " is missing: the reactor packages every service first");
			}
		}
		this.stack = new LocalStack(
				new LocalStack.Config(Repository.ROOT, data, KafkaBroker.Settings.forTests(data.resolve("kafka")),
						SchemaRegistry.Settings.forTests(data.resolve("registry")), Ports.free(), Ports.free(),
						services, staffPassword));
		this.stack.start();
		this.api = new PublicApi(address(services, "onboarding-service"), address(services, "directory-service"),
				address(services, "notification-service"), staffPassword);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.stack != null) {
			this.stack.stop();
		}
	}

	private static URI address(List<LocalStack.Service> services, String name) {
		int port = services.stream().filter((service) -> service.name().equals(name)).findFirst().orElseThrow().port();
		return URI.create("http://" + Ports.LOOPBACK + ":" + port);
	}

	/** The stack itself: its broker, its registry, a service to restart. */
	LocalStack stack() {
		return this.stack;
	}

	PublicApi api() {
		return this.api;
	}

	/**
	 * The lines a service has logged so far (its standard output, as the stack keeps it).
	 */
	List<String> logLines(String service) throws IOException {
		Path log = this.data.resolve("logs").resolve(service + ".log");
		return Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
	}

	/** Every mail the SMTP server has received, one {@code .eml} file each. */
	List<Path> mails() throws IOException {
		Path mails = this.stack.mail().mailDirectory();
		if (!Files.isDirectory(mails)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(mails)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".eml")).toList();
		}
	}

	/** The mails to {@code address}. */
	List<Path> mailsTo(String address) throws IOException {
		return mails().stream()
			.filter((file) -> file.getFileName().toString().endsWith("-" + address + ".eml"))
			.toList();
	}

}
