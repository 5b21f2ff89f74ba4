package org.membership.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * P3 ingest: submissions of the reference-story form per second, against the same
 * service's liveness probe at the same concurrency. The probe does no work of its own, so
 * the ratio says how much of what this machine can serve a submission costs (validation,
 * the database, the outbox), independent of how busy the machine is. Phases alternate
 * (liveness, submissions, liveness, …) for {@code benchmarks.rounds} rounds after an
 * unmeasured warm-up of both.
 */
public class IngestSimulation extends Simulation {

	static final String LIVENESS = "liveness";

	static final String SUBMISSION = "submission";

	public IngestSimulation() {
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		List<PopulationBuilder> phases = new ArrayList<>();
		phases.add(phase("warm-up " + LIVENESS, liveness("warm-up " + LIVENESS), settings, true));
		phases.add(phase("warm-up " + SUBMISSION, submission("warm-up " + SUBMISSION), settings, true));
		for (int round = 1; round <= settings.rounds(); round++) {
			phases.add(phase(LIVENESS + " #" + round, liveness(LIVENESS), settings, false));
			phases.add(phase(SUBMISSION + " #" + round, submission(SUBMISSION), settings, false));
		}
		setUp(MeasuredPhases.inSequence(phases)).protocols(Target.http(settings));
	}

	private static PopulationBuilder phase(String phase, HttpRequestActionBuilder request, BenchmarkSettings settings,
			boolean warmUp) {
		String measure = phase.replaceAll(" #\\d+$", "");
		// exitASAP false: a request in flight when the time is up is answered and counted
		ChainBuilder loop = during(warmUp ? settings.warmUp() : settings.ingestPhase(), false)
			.on(MeasuredPhases.measured(phase, exec(request)));
		return MeasuredPhases.phase(phase, measure, settings.users(), loop);
	}

	private static HttpRequestActionBuilder liveness(String name) {
		return http(name).get("/actuator/health/liveness").check(status().is(200));
	}

	private static HttpRequestActionBuilder submission(String name) {
		return http(name).post("/api/applications")
			.body(StringBody((session) -> ReferenceStory.nextApplication()))
			.asJson()
			.check(status().is(201));
	}

}
