package org.membership.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run measures and against what. Read from {@code benchmarks.*} system properties
 * because Gatling instantiates the simulations itself: {@link BenchmarkRun} and the
 * simulations then see the same values.
 *
 * @param onboardingUrl the onboarding-service to measure; {@code null}: start a stack
 * @param staffPassword the password of the {@code staff} user of that service
 * @param users the concurrent virtual users of every measured phase
 * @param rounds how often each pair of phases alternates, so that a burst of load from
 * other processes falls on both sides of a ratio
 * @param warmUp how long each request kind of P3 runs unmeasured before the first round,
 * and P2's approvals before the measured ones
 * @param ingestPhase how long each measured phase of the ingest scenario runs
 * @param approvals the applications approved in the measured phases, half with each kind
 * of credentials
 * @param approvalWarmUp the applications approved unmeasured first, half with each kind
 * @param root the repository root (the service jars are under {@code <service>/target})
 * @param output where results and Gatling's reports are written
 * @param organisations the flows of P1
 * @param decisionRate the approvals per second of P2
 * @param decisionPhase how long P2 sends approvals
 * @param flowTimeout how long P1 waits for its last mail, P4 for its generation
 * @param smoke the CI smoke run: only the flow scenarios (no Gatling), and a non-zero
 * exit when a flow is lost or a mail duplicated (never for a time)
 */
record BenchmarkSettings(URI onboardingUrl, String staffPassword, int users, int rounds, Duration warmUp,
		Duration ingestPhase, int approvals, int approvalWarmUp, Path root, Path output, int organisations,
		int decisionRate, Duration decisionPhase, Duration flowTimeout, boolean smoke) {

	static final String ONBOARDING_URL = "benchmarks.onboarding-url";

	static final String STAFF_PASSWORD = "benchmarks.staff-password";

	static BenchmarkSettings fromSystemProperties() {
		String url = System.getProperty(ONBOARDING_URL, "").strip();
		Path root = Path.of(System.getProperty("membership.repository.root", "..")).toAbsolutePath().normalize();
		return new BenchmarkSettings(url.isEmpty() ? null : URI.create(url.replaceAll("/+$", "")),
				System.getProperty(STAFF_PASSWORD, ""), integer("benchmarks.users", 16),
				integer("benchmarks.rounds", 2), Duration.ofSeconds(integer("benchmarks.warm-up-seconds", 5)),
				Duration.ofSeconds(integer("benchmarks.ingest-seconds", 20)), integer("benchmarks.approvals", 600),
				integer("benchmarks.approval-warm-up", 64), root,
				root.resolve(System.getProperty("benchmarks.output", "benchmarks/target/benchmark-results")),
				integer("benchmarks.organisations", 5000), integer("benchmarks.decision-rate", 20),
				Duration.ofSeconds(integer("benchmarks.decision-seconds", 60)),
				Duration.ofSeconds(integer("benchmarks.flow-timeout-seconds",
						Math.max(180, integer("benchmarks.organisations", 5000) / 10))),
				Boolean.parseBoolean(System.getProperty("benchmarks.smoke", "false").strip()));
	}

	/** These settings against a stack this run started. */
	BenchmarkSettings against(URI onboarding, String password) {
		return new BenchmarkSettings(onboarding, password, this.users, this.rounds, this.warmUp, this.ingestPhase,
				this.approvals, this.approvalWarmUp, this.root, this.output, this.organisations, this.decisionRate,
				this.decisionPhase, this.flowTimeout, this.smoke);
	}

	/** Publishes the target to the simulations Gatling instantiates in this JVM. */
	void publishTarget() {
		System.setProperty(ONBOARDING_URL, this.onboardingUrl.toString());
		System.setProperty(STAFF_PASSWORD, this.staffPassword);
	}

	/** The target of a simulation; it cannot run without one. */
	URI requireOnboardingUrl() {
		if (this.onboardingUrl == null) {
			throw new IllegalStateException("No onboarding-service to measure: set -D" + ONBOARDING_URL
					+ " (BenchmarkRun sets it when it starts the stack itself)");
		}
		return this.onboardingUrl;
	}

	private static int integer(String name, int defaultValue) {
		String value = System.getProperty(name, "").strip();
		int parsed = value.isEmpty() ? defaultValue : Integer.parseInt(value);
		if (parsed < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, not " + parsed);
		}
		return parsed;
	}

}
