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

	private double startSeconds;

	private final Map<String, URI> serviceUrls = new LinkedHashMap<>();

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
			List<Results.Figure> figures = new ArrayList<>();
			Map<String, Object> series = new LinkedHashMap<>();
			List<String> problems = new ArrayList<>();
			if (this.stack != null) {
				flows(target, figures, series, problems);
			}
			else {
				System.out.println("[benchmarks] P1, P2, P4 and P5 need a stack this run starts: skipped");
			}
			List<Results.Measure> measures = new ArrayList<>();
			List<String> reports = new ArrayList<>();
			List<Results.Ratio> ratios = new ArrayList<>();
			if (!this.settings.smoke()) {
				GatlingRunner gatling = new GatlingRunner(this.settings.output().resolve("gatling"));
				load("before " + INGEST);
				measures.addAll(simulate(gatling, IngestSimulation.class, INGEST, reports));
				load("before " + TOKENS);
				measures.addAll(simulate(gatling, ApprovalSimulation.class, TOKENS, reports));
				ratios
					.add(Results.ratio(measures, INGEST, IngestSimulation.SUBMISSION, IngestSimulation.LIVENESS, null));
				ratios.add(Results.ratio(measures, TOKENS, ApprovalSimulation.BEARER, ApprovalSimulation.BASIC,
						TOKEN_TARGET));
			}
			load("end");
			Results.Environment environment = new Results.Environment(started.toString(),
					Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
					(this.stack != null) ? "a local stack started by this run (LocalStack, H2)"
							: target.onboardingUrl().toString(),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					System.getProperty("os.name") + " " + System.getProperty("os.version"), otherJavaProcesses,
					this.loadAverages, this.processorShares, settingsSummary());
			Results.Report report = new Results.Report(environment, ratios, figures, measures, this.phases, series,
					reports);
			Results.write(report, this.settings.output());
			System.out.println("\n=== Benchmark results (" + this.settings.output() + ") ===\n");
			System.out.println(Results.markdown(report));
			reports.forEach((path) -> System.out.println("Gatling report: " + path));
			long failed = measures.stream().mapToLong(Results.Measure::failed).sum();
			if (failed > 0) {
				System.out.println("[benchmarks] " + failed + " requests failed: see the Gatling reports.");
			}
			problems.forEach((problem) -> System.out.println("[benchmarks] LOST OR DUPLICATED: " + problem));
			return (this.settings.smoke() && !problems.isEmpty()) ? 1 : 0;
		}
		finally {
			stopStack();
		}
	}

	/**
	 * P5 idle, P1, P5 after P1, P2, P4, and the charts: each records its figures, its
	 * series, and what it lost or duplicated in {@code problems}.
	 */
	private void flows(BenchmarkSettings target, List<Results.Figure> figures, Map<String, Object> series,
			List<String> problems) {
		try {
			Map<String, Double> idle = Footprint.residentMegabytes(this.stack.processIds());
			StackClient client = new StackClient(target.onboardingUrl(), this.serviceUrls.get("directory-service"),
					this.serviceUrls.get("notification-service"));
			OnboardingClient onboarding = new OnboardingClient(target.onboardingUrl());
			String bootstrap = this.stack.broker().bootstrapServers();

			load("before " + BulkOnboarding.SCENARIO);
			System.out.println("[benchmarks] " + BulkOnboarding.SCENARIO + ": " + this.settings.organisations()
					+ " organisations ...");
			MachineLoad.Snapshot start = MachineLoad.snapshot();
			BulkOnboarding p1 = new BulkOnboarding(client, new MailDirectory(this.stack.mail().mailDirectory()),
					onboarding.staffToken(target.staffPassword()), this.settings.users());
			BulkOnboarding.Outcome onboarded = p1.run(this.settings.organisations(), this.settings.flowTimeout());
			shares(BulkOnboarding.SCENARIO, start);
			figures.addAll(p1.figures(onboarded));
			series.put(BulkOnboarding.SCENARIO, p1.series(onboarded));
			if (!onboarded.complete()) {
				problems.add(BulkOnboarding.SCENARIO + ": not every flow completed within "
						+ this.settings.flowTimeout().toSeconds() + " s");
			}
			if (onboarded.lostMails() + onboarded.duplicatedMails() > 0) {
				problems.add(BulkOnboarding.SCENARIO + ": " + onboarded.lostMails() + " mails lost, "
						+ onboarded.duplicatedMails() + " duplicated");
			}
			Map<String, Double> afterP1 = Footprint.residentMegabytes(this.stack.processIds());
			footprint(figures, series, idle, afterP1);

			load("before " + DecisionLatency.SCENARIO);
			System.out.println("[benchmarks] " + DecisionLatency.SCENARIO + ": " + this.settings.decisionRate()
					+ " approvals/s for " + this.settings.warmUp().toSeconds() + " s unmeasured, then "
					+ this.settings.decisionPhase().toSeconds() + " s ...");
			start = MachineLoad.snapshot();
			DecisionLatency p2 = new DecisionLatency(client, onboarding.staffToken(target.staffPassword()), bootstrap);
			DecisionLatency.Outcome decided = p2.run(this.settings.decisionRate(), this.settings.decisionPhase(),
					this.settings.warmUp());
			shares(DecisionLatency.SCENARIO, start);
			figures.addAll(p2.figures(decided));
			series.put(DecisionLatency.SCENARIO, p2.series(decided, this.settings.decisionRate(),
					this.settings.decisionPhase(), this.settings.warmUp()));
			if (!decided.complete()) {
				problems.add(DecisionLatency.SCENARIO + ": " + decided.failedApprovals() + " approvals failed, "
						+ decided.notListed() + " not listed, " + decided.notAnnounced() + " not announced");
			}

			load("before " + DirectoryRebuild.SCENARIO);
			System.out.println("[benchmarks] " + DirectoryRebuild.SCENARIO + " ...");
			start = MachineLoad.snapshot();
			DirectoryRebuild p4 = new DirectoryRebuild(client, onboarding.staffToken(target.staffPassword()),
					bootstrap);
			DirectoryRebuild.Outcome rebuilt = p4.run(this.settings.flowTimeout());
			shares(DirectoryRebuild.SCENARIO, start);
			figures.addAll(p4.figures(rebuilt));
			series.put(DirectoryRebuild.SCENARIO, p4.series(rebuilt));
			if (!rebuilt.complete()) {
				problems.add(DirectoryRebuild.SCENARIO + ": generation " + rebuilt.generation() + " ended "
						+ rebuilt.state());
			}

			Path charts = this.settings.output();
			Files.createDirectories(charts);
			Files.writeString(charts.resolve("p1-throughput.svg"),
					Charts.throughput(onboarded.samples(), onboarded.organisations()));
			Map<String, Map<String, Double>> percentiles = new LinkedHashMap<>();
			percentiles.put("approval → listed", DecisionLatency.percentiles(decided.listed()));
			percentiles.put("approval → AnnouncementPublished", DecisionLatency.percentiles(decided.announced()));
			percentiles.put("Kafka round trip (baseline)", DecisionLatency.percentiles(decided.roundTrip()));
			Files.writeString(charts.resolve("p2-latency.svg"),
					Charts.latency(percentiles, "P2 decision latency at " + this.settings.decisionRate()
							+ " approvals/s for " + this.settings.decisionPhase().toSeconds() + " s"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("A flow scenario failed: " + ex.getMessage(), ex);
		}
	}

	private void shares(String scenario, MachineLoad.Snapshot start) {
		MachineLoad.Shares shares = MachineLoad.between(start, MachineLoad.snapshot());
		if (shares != null) {
			this.processorShares.put(scenario, shares);
		}
	}

	private void footprint(List<Results.Figure> figures, Map<String, Object> series, Map<String, Double> idle,
			Map<String, Double> afterP1) {
		double idleTotal = Footprint.total(idle);
		double afterTotal = Footprint.total(afterP1);
		figures.add(Results.Figure.of(Footprint.SCENARIO, "start to all healthy (broker, registry, SMTP, services)",
				this.startSeconds, "s", null, null, "≤ 30 s", this.startSeconds <= Footprint.START_TARGET_SECONDS));
		figures.add(Results.Figure.of(Footprint.SCENARIO, "resident memory, idle", idleTotal, "MB", null, null,
				"≤ 1536 MB", idleTotal <= Footprint.MEMORY_TARGET_MB));
		figures.add(Results.Figure.of(Footprint.SCENARIO, "resident memory after P1", afterTotal, "MB", "idle",
				idleTotal, null, null));
		Map<String, Object> footprint = new LinkedHashMap<>();
		footprint.put("startSeconds", this.startSeconds);
		footprint.put("idleMegabytes", idle);
		footprint.put("afterP1Megabytes", afterP1);
		series.put(Footprint.SCENARIO, footprint);
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
		long starting = System.nanoTime();
		this.stack.start();
		this.startSeconds = Math.round((System.nanoTime() - starting) / 1e7) / 100.0;
		services.forEach((service) -> this.serviceUrls.put(service.name(),
				URI.create("http://" + Ports.LOOPBACK + ":" + service.port())));
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
		summary.put("organisations", this.settings.organisations());
		summary.put("decisionRate", this.settings.decisionRate());
		summary.put("decisionSeconds", this.settings.decisionPhase().toSeconds());
		summary.put("flowTimeoutSeconds", this.settings.flowTimeout().toSeconds());
		summary.put("smoke", this.settings.smoke());
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
