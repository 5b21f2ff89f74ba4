package org.membership.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started by the stack, tied to this process by the {@link Watchdog}, its
 * output appended to a log file.
 */
final class ChildJvm {

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
	 * @param arguments the arguments of {@code main}
	 * @param environment variables added to this process's environment
	 * @param workingDirectory the working directory of the child
	 * @param log the file the child's output is appended to
	 * @return the running child
	 */
	static ChildJvm start(String name, List<String> jvmOptions, String classPath, String mainClass,
			List<String> arguments, Map<String, String> environment, Path workingDirectory, Path log) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(watchdogLocation() + java.io.File.pathSeparator + classPath);
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
