package org.membership.benchmarks;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Approvals with a staff token against approvals with HTTP Basic (issue 11's target: at
 * least 10 times the rate). Every Basic request checks the password (a bcrypt hash); a
 * token costs a signature check. Before the phases, {@code approvals} +
 * {@code approvalWarmUp} reference-story applications are submitted and the token is
 * fetched once with Basic; then each phase approves its share of them, Basic and Bearer
 * alternating for {@code benchmarks.rounds} rounds after an unmeasured warm-up of both.
 * The effective date is a month ahead, so an approval is one state change and its event.
 */
public class ApprovalSimulation extends Simulation {

	static final String BASIC = "approval (Basic)";

	static final String BEARER = "approval (Bearer)";

	private final BenchmarkSettings settings;

	private final List<PhaseQueue> queues = new ArrayList<>();

	private final AtomicReference<String> token = new AtomicReference<>();

	/** The applications a phase approves, filled before the phases run. */
	private record PhaseQueue(int size, Queue<String> ids) {
	}

	public ApprovalSimulation() {
		this.settings = BenchmarkSettings.fromSystemProperties();
		String basic = OnboardingClient.basic("staff", this.settings.staffPassword());
		String approval = """
				{"tier": "FULL", "effectiveFrom": "%s"}"""
			.formatted(LocalDate.now(ZoneId.of("Europe/Brussels")).plusMonths(1));
		List<PopulationBuilder> phases = new ArrayList<>();
		int warmUp = this.settings.approvalWarmUp();
		phases.add(phase("warm-up " + BASIC, (warmUp + 1) / 2, basic, approval));
		phases.add(phase("warm-up " + BEARER, warmUp / 2, null, approval));
		int phaseCount = 2 * this.settings.rounds();
		for (int i = 0; i < phaseCount; i++) {
			// the remainder of an uneven split goes to the first phases
			int size = this.settings.approvals() / phaseCount + ((i < this.settings.approvals() % phaseCount) ? 1 : 0);
			String phase = ((i % 2 == 0) ? BASIC : BEARER) + " #" + (i / 2 + 1);
			phases.add(phase(phase, size, (i % 2 == 0) ? basic : null, approval));
		}
		setUp(MeasuredPhases.inSequence(phases)).protocols(Target.http(this.settings));
	}

	@Override
	public void before() {
		OnboardingClient client = new OnboardingClient(this.settings.requireOnboardingUrl());
		int total = this.queues.stream().mapToInt(PhaseQueue::size).sum();
		System.out.printf("[benchmarks] Preparing %d submitted applications and a staff token ...%n", total);
		List<String> ids = client.submitApplications(total, this.settings.users());
		int next = 0;
		for (PhaseQueue queue : this.queues) {
			queue.ids().addAll(ids.subList(next, next + queue.size()));
			next += queue.size();
		}
		try {
			this.token.set(client.staffToken(this.settings.staffPassword()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not get a staff token: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A phase approving {@code size} applications; with {@code basic} as the
	 * Authorization header, or the staff token when it is {@code null}.
	 */
	private PopulationBuilder phase(String phase, int size, String basic, String approval) {
		PhaseQueue queue = new PhaseQueue(size, new ConcurrentLinkedQueue<>());
		this.queues.add(queue);
		String measure = phase.replaceAll(" #\\d+$", "");
		ChainBuilder approve = MeasuredPhases.measured(phase,
				exec(http(measure).post("/api/applications/#{id}/approval")
					.header("Authorization", (session) -> (basic != null) ? basic : "Bearer " + this.token.get())
					.body(StringBody(approval))
					.asJson()
					.check(status().is(200))));
		// each user takes the next application until none is left
		ChainBuilder loop = asLongAs((session) -> !queue.ids().isEmpty(), false).on(exec((session) -> {
			String id = queue.ids().poll();
			return (id != null) ? session.set("id", id) : session.remove("id");
		}).doIf((session) -> session.contains("id")).then(approve));
		return MeasuredPhases.phase(phase, measure, this.settings.users(), loop);
	}

}
