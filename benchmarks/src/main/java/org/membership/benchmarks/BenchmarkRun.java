package org.membership.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.membership.stack.KafkaBroker;
import org.membership.stack.LocalStack;
import org.membership.stack.Ports;
import org.membership.stack.SchemaRegistry;

/**
 * One benchmark run: starts the local stack (or takes the one named by
 * {@code -Dbenchmarks.onboarding-url}), runs each simulation with Gatling, and writes the
 * figures with their ratios to {@code results.json} and {@code results.md}. The stack it
 * started is stopped at the end, also on Ctrl-C.
 */
public final class BenchmarkRun {

	static final String INGEST = "P3 ingest";

	static final String TOKENS = "staff token vs Basic";

	/** Issue 11: approvals with a token at least ten times the rate with Basic. */
	static final double TOKEN_TARGET = 10;

	private final BenchmarkSettings settings;

	private final Map<String, Double> loadAverages = new LinkedHashMap<>();

	private final Map<String, MachineLoad.Shares> processorShares = new LinkedHashMap<>();

	private final List<Results.Phase> phases = new ArrayList<>();

	private LocalStack stack;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private BenchmarkRun(BenchmarkSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) {
		// no usage report to Gatling's servers, whatever gatling.conf is found first
		System.setProperty("gatling.data.enableAnalytics", "false");
		// Gatling looks for a newer release of itself on the internet (without a setting
		// to
		// turn it off): HTTPS out of this JVM goes to a closed loopback port and fails at
		// once. The measured requests are plain HTTP to the loopback address, never
		// proxied.
		System.setProperty("https.proxyHost", Ports.LOOPBACK);
		System.setProperty("https.proxyPort", "1");
		int status;
		try {
			status = new BenchmarkRun(BenchmarkSettings.fromSystemProperties()).run();
		}
		catch (RuntimeException ex) {
			System.err.println("\n[benchmarks] Failed: " + ex.getMessage());
			ex.printStackTrace();
			status = 1;
		}
		// Gatling and the stack leave non-daemon threads behind
		System.exit(status);
	}

	private int run() {
		if (this.settings.onboardingUrl() != null && this.settings.staffPassword().isEmpty()) {
			throw new IllegalArgumentException("-D" + BenchmarkSettings.ONBOARDING_URL + " needs -D"
					+ BenchmarkSettings.STAFF_PASSWORD + ": the approvals are staff requests");
		}
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long otherJavaProcesses = otherJavaProcesses();
		load("start");
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopStack, "benchmarks-shutdown"));
		try {
			BenchmarkSettings target = (this.settings.onboardingUrl() != null) ? this.settings : startStack();
			target.publishTarget();
			GatlingRunner gatling = new GatlingRunner(this.settings.output().resolve("gatling"));
			List<Results.Measure> measures = new ArrayList<>();
			List<String> reports = new ArrayList<>();
			load("before " + INGEST);
			measures.addAll(simulate(gatling, IngestSimulation.class, INGEST, reports));
			load("before " + TOKENS);
			measures.addAll(simulate(gatling, ApprovalSimulation.class, TOKENS, reports));
			load("end");
			List<Results.Ratio> ratios = List.of(
					Results.ratio(measures, INGEST, IngestSimulation.SUBMISSION, IngestSimulation.LIVENESS, null),
					Results.ratio(measures, TOKENS, ApprovalSimulation.BEARER, ApprovalSimulation.BASIC, TOKEN_TARGET));
			Results.Environment environment = new Results.Environment(started.toString(),
					Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
					(this.stack != null) ? "a local stack started by this run (LocalStack, H2)"
							: target.onboardingUrl().toString(),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					System.getProperty("os.name") + " " + System.getProperty("os.version"), otherJavaProcesses,
					this.loadAverages, this.processorShares, settingsSummary());
			Results.Report report = new Results.Report(environment, ratios, measures, this.phases, reports);
			Results.write(report, this.settings.output());
			System.out.println("\n=== Benchmark results (" + this.settings.output() + ") ===\n");
			System.out.println(Results.markdown(report));
			reports.forEach((path) -> System.out.println("Gatling report: " + path));
			long failed = measures.stream().mapToLong(Results.Measure::failed).sum();
			if (failed > 0) {
				System.out.println("[benchmarks] " + failed + " requests failed: see the Gatling reports.");
			}
			return 0;
		}
		finally {
			stopStack();
		}
	}

	private List<Results.Measure> simulate(GatlingRunner gatling, Class<?> simulation, String scenario,
			List<String> reports) {
		Phases.RECORDED.drain();
		MachineLoad.Snapshot start = MachineLoad.snapshot();
		Path report = gatling.run(simulation, scenario);
		MachineLoad.Shares shares = MachineLoad.between(start, MachineLoad.snapshot());
		if (shares != null) {
			this.processorShares.put(scenario, shares);
		}
		reports.add(report.resolve("index.html").toString());
		List<Phases.Result> results = Phases.RECORDED.drain();
		this.phases.addAll(Results.phases(scenario, results));
		List<Results.Measure> measures = Results.measures(scenario, results);
		if (measures.stream().anyMatch((measure) -> measure.ok() == 0)) {
			throw new IllegalStateException(scenario + " has a measure without one successful request: " + measures);
		}
		return measures;
	}

	private BenchmarkSettings startStack() {
		Path root = this.settings.root();
		LocalStack.SERVICES.forEach((service) -> {
			Path jar = root.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " is missing: run ./mvnw -B -Pbenchmarks -DskipTests verify, "
						+ "which packages the services before the benchmarks");
			}
		});
		// a fresh stack each run, so that no figure depends on what earlier runs left
		Path data = root.resolve("benchmarks").resolve("target").resolve("benchmark-stack");
		deleteRecursively(data);
		String password = password();
		List<LocalStack.Service> services = LocalStack.SERVICES.stream()
			.map((service) -> new LocalStack.Service(service.name(), Ports.free()))
			.toList();
		LocalStack.Config config = new LocalStack.Config(root, data,
				new KafkaBroker.Settings(Ports.free(), Ports.free(), data.resolve("kafka"), 3, brokerClassPath(root)),
				new SchemaRegistry.Settings(Ports.free(), Ports.free(), data.resolve("registry"), false), Ports.free(),
				Ports.free(), services, password);
		synchronized (this) {
			this.stack = new LocalStack(config);
		}
		System.out.println("[benchmarks] Starting the local stack (data in " + data + ") ...");
		this.stack.start();
		URI onboarding = URI.create("http://" + Ports.LOOPBACK + ":" + services.get(0).port());
		System.out.println("[benchmarks] Stack up; measuring " + onboarding);
		return this.settings.against(onboarding, password);
	}

	private synchronized void stopStack() {
		if (this.stack != null && this.stopped.compareAndSet(false, true)) {
			System.out.println("[benchmarks] Stopping the local stack ...");
			this.stack.stop();
		}
	}

	/**
	 * The class path ./run-local gives the broker and the SMTP server (local-stack's jar
	 * and its lib folder), rather than this JVM's, which also holds Gatling and its
	 * Scala.
	 */
	private static String brokerClassPath(Path root) {
		Path target = root.resolve("local-stack").resolve("target");
		Path jar = target.resolve("local-stack.jar");
		if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
			return absolute(System.getProperty("java.class.path"));
		}
		try (Stream<Path> libraries = Files.list(target.resolve("lib"))) {
			return Stream.concat(Stream.of(jar), libraries.filter((path) -> path.toString().endsWith(".jar")).sorted())
				.map((path) -> path.toAbsolutePath().toString())
				.collect(Collectors.joining(File.pathSeparator));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String absolute(String classPath) {
		return Stream.of(classPath.split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String password() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private void load(String when) {
		this.loadAverages.put(when,
				Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
	}

	/**
	 * Java processes of others: neither this JVM, nor what started it, nor what it
	 * starts.
	 */
	private static long otherJavaProcesses() {
		Set<Long> ours = Stream.iterate(ProcessHandle.current(), (process) -> process.parent().orElse(null))
			.takeWhile((process) -> process != null)
			.map(ProcessHandle::pid)
			.collect(Collectors.toSet());
		return ProcessHandle.allProcesses()
			.filter((process) -> !ours.contains(process.pid()))
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/java")).orElse(false))
			.count();
	}

	private Map<String, Object> settingsSummary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("users", this.settings.users());
		summary.put("rounds", this.settings.rounds());
		summary.put("warmUpSeconds", this.settings.warmUp().toSeconds());
		summary.put("ingestPhaseSeconds", this.settings.ingestPhase().toSeconds());
		summary.put("approvals", this.settings.approvals());
		summary.put("approvalWarmUp", this.settings.approvalWarmUp());
		return summary;
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not clear " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
