package org.membership.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Java process started by the stack, tied to this process by the {@link Watchdog}, its
 * output appended to a log file.
 */
final class ChildJvm {

	/**
	 * Options of every child, before its own: each is a small JVM (a heap of a few
	 * hundred MB at most) on a small machine, for which the serial collector has the
	 * smallest footprint and takes no processor of its own between collections (the JVM's
	 * default, G1, keeps remembered sets and concurrent threads). Issue 12's P5: idle
	 * resident memory of the stack.
	 */
	static final List<String> DEFAULT_OPTIONS = List.of("-XX:+UseSerialGC");

	/** The system property with options added to every child JVM. */
	static final String EXTRA_OPTIONS = "membership.stack.child-jvm-options";

	/**
	 * Logging of every child JVM that runs code of this module (INFO and up, to its log).
	 */
	static final String LOGBACK_CONFIG = "-Dlogback.configurationFile=org/membership/stack/child-logback.xml";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private ChildJvm(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code mainClass} in a new JVM of the same Java installation as this one.
	 * @param name a name for messages
	 * @param jvmOptions options before the main class, such as {@code -Xmx256m}
	 * @param classPath the class path of the child (the watchdog is added)
	 * @param mainClass the class whose {@code main} runs
	 * @param environment variables added to this process's environment
	 * @param log the file the child's output is appended to
	 * @return the running child
	 */
	static ChildJvm start(String name, List<String> jvmOptions, String classPath, String mainClass,
			List<String> arguments, Map<String, String> environment, Path workingDirectory, Path log) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(DEFAULT_OPTIONS);
		command.addAll(jvmOptions);
		command.addAll(extraOptions());
		command.add("-cp");
		command.add(watchdogLocation() + File.pathSeparator + classPath);
		command.add(Watchdog.class.getName());
		command.add(Long.toString(ProcessHandle.current().pid()));
		command.add(mainClass);
		command.addAll(arguments);
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			return new ChildJvm(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Options every child takes after its own, from the system property
	 * {@value #EXTRA_OPTIONS} (space-separated). The build sets it for the test JVMs:
	 * their brokers and registries are short-lived and lightly loaded, and the C1
	 * compiler alone with the serial collector saves a quarter of their CPU time on a
	 * 2-core machine. A benchmark or {@code ./run-local} runs them as configured.
	 */
	static List<String> extraOptions() {
		String options = System.getProperty(EXTRA_OPTIONS, "").strip();
		return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
	}

	/**
	 * The {@code java} launcher of the JVM this code runs in (Java 21+ by the build's
	 * rules).
	 */
	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String watchdogLocation() {
		try {
			return Path.of(Watchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits until {@code ready} answers true. Fails with the end of the log when the
	 * process exits first, or when {@code timeout} passes (then the process is stopped).
	 */
	void awaitReady(BooleanSupplier ready, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			if (!this.process.isAlive()) {
				throw new StackException("The " + this.name + " exited during start-up\n" + logTail());
			}
			if (ready.getAsBoolean()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				stop(Duration.ofSeconds(5));
				throw new StackException("The " + this.name + " did not come up within " + timeout + "\n" + logTail());
			}
			pause();
		}
	}

	/** A readiness probe: whether {@code uri} answers 200 now. */
	static boolean answersOk(URI uri) {
		try {
			HttpRequest probe = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build();
			return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting for " + uri, ex);
		}
	}

	/** The poll interval while a child process starts (not a test). */
	static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted", ex);
		}
	}

	/** Waits for the process to end by itself and returns its exit code. */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				stop(Duration.ofSeconds(5));
				throw new IllegalStateException(this.name + " did not finish within " + timeout + "\n" + logTail());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Asks the process to stop (SIGTERM) and kills it when it has not within
	 * {@code grace}.
	 */
	void stop(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/**
	 * Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hook runs,
	 * what it had not written is lost. Returns when it is gone.
	 */
	void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new StackException("The " + this.name + " did not die within 30 s of SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while killing the " + this.name, ex);
		}
	}

	/**
	 * Sends a signal with {@code kill -<signal> <pid>}, e.g. {@code STOP} to freeze the
	 * process (it keeps its sockets, answers nothing) and {@code CONT} to let it go on:
	 * Java has no API for either. POSIX systems only.
	 */
	void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).redirectErrorStream(true)
				.start();
			String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (kill.waitFor() != 0) {
				throw new StackException("kill -" + signal + " " + pid() + " (" + this.name + ") failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while signalling the " + this.name, ex);
		}
	}

	/** The last lines of the log, for error messages. */
	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return "--- last lines of " + this.log + " ---\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

}
