package org.membership.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One instance of a service run from its Spring Boot jar in a JVM of its own, as
 * {@link LocalStack} runs them, for tests that need more than the stack does: several
 * instances of one service, other settings, a {@code kill -9}. Tied to this process by
 * the {@link Watchdog} like every child of the stack.
 */
public final class ServiceProcess {

	private static final String JAR_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	private final String name;

	private final int port;

	private final ChildJvm process;

	private ServiceProcess(String name, int port, ChildJvm process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts {@code jar}; {@link #awaitReady(Duration)} waits until it is ready.
	 * @param name a name for messages and the log, e.g. {@code onboarding-service-2}
	 * @param jar the service's executable jar
	 * @param port its HTTP port (passed as {@code --server.port})
	 * @param jvmOptions such as {@code -Xmx384m}
	 * @param arguments Spring Boot arguments ({@code --some.property=value})
	 * @param environment variables added to this process's environment
	 * @param workingDirectory where it runs
	 * @param log the file its output is appended to
	 */
	public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path workingDirectory, Path log) {
		List<String> withPort = new java.util.ArrayList<>(arguments);
		withPort.add(0, "--server.port=" + port);
		return new ServiceProcess(name, port, ChildJvm.start(name, jvmOptions, jar.toString(), JAR_LAUNCHER, withPort,
				environment, workingDirectory, log));
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200; fails with the end of
	 * the log when the process exits first or {@code timeout} passes.
	 */
	public ServiceProcess awaitReady(Duration timeout) {
		URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
		this.process.awaitReady(() -> ChildJvm.answersOk(readiness), timeout);
		return this;
	}

	/** Kills it at once (SIGKILL, as {@code kill -9}); returns when it is gone. */
	public void kill() {
		this.process.kill();
	}

	/** Stops it gracefully (SIGTERM, then SIGKILL after {@code grace}). */
	public void stop(Duration grace) {
		this.process.stop(grace);
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public long pid() {
		return this.process.pid();
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://" + Ports.LOOPBACK + ":" + this.port;
	}

	/** The last lines of its log, for failure messages. */
	public String logTail() {
		return this.process.logTail();
	}

}
