package org.membership.onboarding.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.OnboardingApplication;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.InfrastructureInitializer;
import org.membership.stack.testing.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective-date scheduler after a change before the membership took effect: a moved
 * date fires on the new date only, exactly once, and a withdrawn approval never, with
 * callers in two instances at once; a withdrawal racing the firing has exactly one
 * outcome. As in {@link EffectiveDatesIntegrationTests} (whose context this class shares)
 * there is no background poll: only the test's callers race, each instance on a clock the
 * test sets.
 */
@OnboardingIntegrationTest
@TestPropertySource(properties = EffectiveDatesIntegrationTests.POLL_OFF)
class ChangedEffectiveDatesIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	/** Callers released together, half of them in each instance. */
	private static final int CALLERS = 8;

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EffectiveDates effectiveDates;

	@Autowired
	private Applications applications;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private UUID submit() {
		return UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
	}

	private UUID approved(LocalDate effectiveFrom) {
		UUID id = submit();
		Api.Response approval = new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", effectiveFrom.toString()));
		assertThat(approval.text("status")).as(approval.toString()).isEqualTo("APPROVED");
		return id;
	}

	private Api.Response changeDate(UUID id, LocalDate effectiveFrom) {
		return new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/effective-date",
					Map.of("effectiveFrom", effectiveFrom.toString(), "reason", "The board moved it"));
	}

	private Api.Response withdraw(UUID id) {
		return new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/withdrawal", Map.of("reason", "The applicant asked us"));
	}

	private JsonNode details(UUID id) {
		return new Api(this.port).asStaff().get("/api/applications/" + id).json();
	}

	private static Instant midnight(LocalDate day) {
		return day.atStartOfDay(BRUSSELS).toInstant();
	}

	@Test
	void aMovedDateFiresOnTheNewDateOnlyExactlyOnceAndAWithdrawnApprovalNeverWithTwoInstances() throws Exception {
		LocalDate today = LocalDate.now(BRUSSELS);
		LocalDate first = today.plusDays(10);
		LocalDate later = today.plusDays(20);
		LocalDate earlier = today.plusDays(15);
		UUID movedLater = approved(first);
		UUID movedEarlier = approved(today.plusDays(30));
		UUID withdrawn = approved(first);
		assertThat(changeDate(movedLater, later).text("status")).isEqualTo("APPROVED");
		assertThat(changeDate(movedEarlier, earlier).text("status")).isEqualTo("APPROVED");
		assertThat(withdraw(withdrawn).text("status")).isEqualTo("WITHDRAWN");
		MutableClock otherClock = new MutableClock();
		ConfigurableApplicationContext otherInstance = startAnotherInstance(otherClock);
		try {
			EffectiveDates otherScheduler = otherInstance.getBean(EffectiveDates.class);

			// the old date and the withdrawn one's date: nothing of these fires
			fireTogether(midnight(first), otherClock, otherScheduler);
			assertThat(details(movedLater).path("status").asString()).isEqualTo("APPROVED");
			assertThat(details(movedEarlier).path("status").asString()).isEqualTo("APPROVED");
			assertThat(details(withdrawn).path("status").asString()).isEqualTo("WITHDRAWN");

			// the date moved earlier: only that one
			fireTogether(midnight(earlier).minusSeconds(1), otherClock, otherScheduler);
			assertThat(details(movedEarlier).path("status").asString()).isEqualTo("APPROVED");
			fireTogether(midnight(earlier), otherClock, otherScheduler);
			assertThat(details(movedEarlier).path("status").asString()).isEqualTo("EFFECTIVE");
			assertThat(details(movedLater).path("status").asString()).isEqualTo("APPROVED");

			// the date moved later
			int changed = fireTogether(midnight(later), otherClock, otherScheduler);
			assertThat(changed).isPositive();
			assertThat(details(movedLater).path("status").asString()).isEqualTo("EFFECTIVE");
			assertThat(details(withdrawn).path("status").asString()).isEqualTo("WITHDRAWN");
			// long after, in both instances: nothing again
			fireTogether(midnight(later.plusDays(30)), otherClock, otherScheduler);
		}
		finally {
			otherInstance.close();
		}
		for (UUID id : List.of(movedLater, movedEarlier)) {
			JsonNode details = details(id);
			// submitted, approved, date changed, effective
			assertThat(details.path("version").asLong()).isEqualTo(4);
			assertThat(details.path("history")).hasSize(4);
			assertThat(details.path("history").get(3).path("by").asString()).isEqualTo("scheduler");
		}
		assertThat(details(withdrawn).path("history")).hasSize(3);
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(movedLater, movedEarlier, withdrawn))) {
			Map<String, Long> expected = new HashMap<>();
			for (UUID id : List.of(movedLater, movedEarlier, withdrawn)) {
				expected.put(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L);
				expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L);
			}
			expected.put(KafkaEvents.on(Topics.EFFECTIVE_DATE_CHANGED, movedLater), 1L);
			expected.put(KafkaEvents.on(Topics.EFFECTIVE_DATE_CHANGED, movedEarlier), 1L);
			expected.put(KafkaEvents.on(Topics.MEMBERSHIP_EFFECTIVE, movedLater), 1L);
			expected.put(KafkaEvents.on(Topics.MEMBERSHIP_EFFECTIVE, movedEarlier), 1L);
			expected.put(KafkaEvents.on(Topics.APPLICATION_WITHDRAWN, withdrawn), 1L);
			events.awaitExactly(expected, Duration.ofSeconds(30));
			Map<String, LocalDate> firedOn = new HashMap<>();
			events.readNow()
				.stream()
				.filter(MembershipEffective.class::isInstance)
				.map(MembershipEffective.class::cast)
				.forEach((effective) -> firedOn.put(effective.getApplicationId().toString(),
						effective.getEffectiveFrom()));
			assertThat(firedOn).containsEntry(movedLater.toString(), later)
				.containsEntry(movedEarlier.toString(), earlier);
		}
	}

	@Test
	void aWithdrawalRacingTheFiringHasExactlyOneOutcome() throws Exception {
		LocalDate due = LocalDate.now(BRUSSELS).plusDays(7);
		UUID id = approved(due);

		Api.Response response = raceTheFiring(due, () -> withdraw(id));

		JsonNode details = details(id);
		String outcome = details.path("status").asString();
		assertThat(outcome).isIn("WITHDRAWN", "EFFECTIVE");
		assertThat(response.status()).as(response.toString()).isEqualTo(outcome.equals("WITHDRAWN") ? 200 : 409);
		assertThat(details.path("version").asLong()).isEqualTo(3);
		assertThat(details.path("history")).hasSize(3);
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(id))) {
			events.awaitExactly(
					Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L,
							KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L, KafkaEvents.on(outcome.equals("WITHDRAWN")
									? Topics.APPLICATION_WITHDRAWN : Topics.MEMBERSHIP_EFFECTIVE, id),
							1L),
					Duration.ofSeconds(30));
		}
	}

	@Test
	void aDateChangeRacingTheFiringHasExactlyOneOutcome() throws Exception {
		LocalDate due = LocalDate.now(BRUSSELS).plusDays(8);
		UUID id = approved(due);

		Api.Response response = raceTheFiring(due, () -> changeDate(id, due.plusDays(30)));

		JsonNode details = details(id);
		String outcome = details.path("status").asString();
		assertThat(outcome).isIn("APPROVED", "EFFECTIVE");
		assertThat(response.status()).as(response.toString()).isEqualTo(outcome.equals("APPROVED") ? 200 : 409);
		assertThat(details.path("decision").path("effectiveFrom").asString())
			.isEqualTo((outcome.equals("APPROVED") ? due.plusDays(30) : due).toString());
		assertThat(details.path("version").asLong()).isEqualTo(3);
		try (KafkaEvents events = KafkaEvents.onEveryTopic(List.of(id))) {
			events.awaitExactly(
					Map.of(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L,
							KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L, KafkaEvents.on(outcome.equals("APPROVED")
									? Topics.EFFECTIVE_DATE_CHANGED : Topics.MEMBERSHIP_EFFECTIVE, id),
							1L),
					Duration.ofSeconds(30));
		}
	}

	/**
	 * At local midnight of {@code due}, releases {@link #CALLERS} callers of the
	 * scheduler (half in another instance) and {@code change} together; returns the
	 * change's answer.
	 */
	private Api.Response raceTheFiring(LocalDate due, Callable<Api.Response> change) throws Exception {
		MutableClock otherClock = new MutableClock();
		ConfigurableApplicationContext otherInstance = startAnotherInstance(otherClock);
		ExecutorService threads = Executors.newFixedThreadPool(CALLERS + 1);
		try {
			EffectiveDates otherScheduler = otherInstance.getBean(EffectiveDates.class);
			this.clock.set(midnight(due));
			otherClock.set(midnight(due));
			CyclicBarrier start = new CyclicBarrier(CALLERS + 1);
			List<Future<Integer>> schedulers = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				EffectiveDates scheduler = (i % 2 == 0) ? this.effectiveDates : otherScheduler;
				schedulers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return scheduler.makeDueEffective();
				}));
			}
			Future<Api.Response> answer = threads.submit(() -> {
				start.await(30, TimeUnit.SECONDS);
				return change.call();
			});
			for (Future<Integer> scheduler : schedulers) {
				scheduler.get(60, TimeUnit.SECONDS);
			}
			return answer.get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
			otherInstance.close();
		}
	}

	/**
	 * Sets both instances' clocks to {@code instant} and releases {@link #CALLERS}
	 * callers of the scheduler at once, half in each instance; returns how many rows they
	 * changed in all, which must be exactly the rows due then.
	 */
	private int fireTogether(Instant instant, MutableClock otherClock, EffectiveDates otherScheduler) throws Exception {
		this.clock.set(instant);
		otherClock.set(instant);
		int due = this.applications.findDue(instant.atZone(BRUSSELS).toLocalDate(), 10_000).size();
		ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
		try {
			CyclicBarrier start = new CyclicBarrier(CALLERS);
			List<Future<Integer>> callers = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				EffectiveDates scheduler = (i % 2 == 0) ? this.effectiveDates : otherScheduler;
				Callable<Integer> call = () -> {
					start.await(30, TimeUnit.SECONDS);
					return scheduler.makeDueEffective();
				};
				callers.add(threads.submit(call));
			}
			int changed = 0;
			for (Future<Integer> caller : callers) {
				changed += caller.get(60, TimeUnit.SECONDS);
			}
			assertThat(changed).as("changes reported by the %d callers", CALLERS).isEqualTo(due);
			return changed;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Another instance on the same database and broker, on its own clock. */
	private static ConfigurableApplicationContext startAnotherInstance(MutableClock clock) {
		return new SpringApplicationBuilder(OnboardingApplication.class)
			.initializers(new InfrastructureInitializer(),
					(context) -> context.getBeanFactory().registerSingleton("instanceClock", clock))
			.run("--server.port=0", "--membership.security.staff-password=other-instance",
					"--" + EffectiveDatesIntegrationTests.POLL_OFF);
	}

}
