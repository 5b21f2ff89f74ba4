package org.membership.onboarding.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.OnboardingApplication;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.stack.testing.MutableClock;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.InfrastructureInitializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MembershipEffective fires exactly once, at local midnight (Europe/Brussels) of
 * effectiveFrom, or at once when that is today or past; with eight callers in two
 * instances at once and after a restart still once.
 * <p>
 * The background poll is off in this context and in the other instances (no
 * {@link EffectiveDatesPoll} bean at all), so that only the test's callers race for the
 * due rows. The shared context of the other test classes may still be alive in this JVM
 * with its 1 s poll, but its clock is the system clock (reset after each test): the rows
 * of these tests, due days ahead, are never due for it.
 */
@OnboardingIntegrationTest
@TestPropertySource(properties = EffectiveDatesIntegrationTests.POLL_OFF)
class EffectiveDatesIntegrationTests {

	static final String POLL_OFF = "membership.onboarding.effective-dates.poll-enabled=false";

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	/** Callers released together, half of them in each instance. */
	private static final int CALLERS = 8;

	/** Due approvals they race for. */
	private static final int ROWS = 3;

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EffectiveDates effectiveDates;

	@Autowired
	private Applications applications;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private UUID submit() {
		return UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
	}

	private Api.Response approve(UUID id, LocalDate effectiveFrom) {
		return new Api(this.port).asStaff()
			.post("/api/applications/" + id + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", effectiveFrom.toString()));
	}

	private JsonNode details(UUID id) {
		return new Api(this.port).asStaff().get("/api/applications/" + id).json();
	}

	@Test
	void anApprovalEffectiveInThePastTakesEffectAtOncePublishingMembershipEffectiveOnce() {
		UUID id = submit();

		Api.Response approval = approve(id, LocalDate.of(2023, 1, 1));

		assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
		assertThat(approval.text("status")).isEqualTo("EFFECTIVE");
		assertThat(approval.json().path("version").asLong()).isEqualTo(3);
		try (KafkaEvents events = KafkaEvents.of(Topics.MEMBERSHIP_EFFECTIVE, id)) {
			MembershipEffective effective = (MembershipEffective) events.awaitExactlyOne(Duration.ofSeconds(30)).get(0);
			assertThat(effective.getEffectiveFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
			assertThat(effective.getTier()).isEqualTo("FULL");
			assertThat(effective.getApplicationVersion()).isEqualTo(3);
			assertThat(effective.getOrganisation().getName()).isEqualTo("CLUJ IT Cluster");
		}
		this.effectiveDates.makeDueEffective();
		assertThat(details(id).path("history")).hasSize(3);
	}

	@Test
	void concurrentPollsOfTwoInstancesMakeEachDueApprovalEffectiveExactlyOnceAtLocalMidnight() throws Exception {
		assertThat(this.context.getBeanProvider(EffectiveDatesPoll.class).getIfAvailable())
			.as("no background poll in this context")
			.isNull();
		LocalDate effectiveFrom = LocalDate.now(BRUSSELS).plusDays(10);
		Instant midnight = effectiveFrom.atStartOfDay(BRUSSELS).toInstant();
		List<UUID> ids = Stream.generate(this::submit).limit(ROWS).toList();
		for (UUID id : ids) {
			assertThat(approve(id, effectiveFrom).text("status")).isEqualTo("APPROVED");
		}

		this.clock.set(midnight.minusSeconds(1));
		this.effectiveDates.makeDueEffective();
		for (UUID id : ids) {
			assertThat(details(id).path("status").asString()).isEqualTo("APPROVED");
		}

		// both clocks run on from midnight, as in a deployment: the outbox relay resends
		// what is older than a few seconds, which under a stopped clock nothing becomes
		this.clock.runFrom(midnight);
		// the due rows of earlier tests (same database) race too; each must change once
		List<UUID> due = this.applications.findDue(effectiveFrom, 10_000);
		assertThat(due).containsAll(ids);
		ConfigurableApplicationContext otherInstance = startAnotherInstance(
				MutableClock.runningFrom(midnight, BRUSSELS));
		ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
		try {
			assertThat(otherInstance.getBeanProvider(EffectiveDatesPoll.class).getIfAvailable())
				.as("no background poll in the other instance")
				.isNull();
			EffectiveDates otherScheduler = otherInstance.getBean(EffectiveDates.class);
			// own threads, not the common pool (one thread on a two-core machine),
			// released
			// together: every caller may find the rows due before any change commits
			CyclicBarrier start = new CyclicBarrier(CALLERS);
			List<Future<Integer>> callers = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				EffectiveDates scheduler = (i % 2 == 0) ? this.effectiveDates : otherScheduler;
				callers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return scheduler.makeDueEffective();
				}));
			}
			int changed = 0;
			for (Future<Integer> caller : callers) {
				changed += caller.get(60, TimeUnit.SECONDS);
			}
			assertThat(changed).as("changes reported by the %d callers", CALLERS).isEqualTo(due.size());

			for (UUID id : ids) {
				JsonNode details = details(id);
				assertThat(details.path("status").asString()).isEqualTo("EFFECTIVE");
				assertThat(details.path("version").asLong()).isEqualTo(3);
				assertThat(details.path("history")).hasSize(3);
				assertThat(details.path("history").get(2).path("status").asString()).isEqualTo("EFFECTIVE");
				assertThat(details.path("history").get(2).path("by").asString()).isEqualTo("scheduler");
			}
			// neither another poll nor another instance changes anything again
			assertThat(otherScheduler.makeDueEffective()).isZero();
			assertThat(this.effectiveDates.makeDueEffective()).isZero();

			// every topic, counted after a quiet window longer than the outbox's
			// resubmission
			try (KafkaEvents events = KafkaEvents.onEveryTopic(ids)) {
				Map<String, Long> expected = new HashMap<>();
				for (UUID id : ids) {
					expected.put(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id), 1L);
					expected.put(KafkaEvents.on(Topics.MEMBER_APPROVED, id), 1L);
					expected.put(KafkaEvents.on(Topics.MEMBERSHIP_EFFECTIVE, id), 1L);
				}
				events.awaitExactly(expected, Duration.ofSeconds(30));
				List<MembershipEffective> effectives = events.readNow()
					.stream()
					.filter(MembershipEffective.class::isInstance)
					.map(MembershipEffective.class::cast)
					.toList();
				assertThat(effectives).as("one MembershipEffective per application").hasSize(ROWS);
				for (MembershipEffective effective : effectives) {
					assertThat(effective.getEffectiveFrom()).isEqualTo(effectiveFrom);
					assertThat(effective.getApplicationVersion()).isEqualTo(3);
				}
			}
		}
		finally {
			threads.shutdownNow();
			otherInstance.close();
		}
		for (UUID id : ids) {
			assertThat(details(id).path("history")).hasSize(3);
		}
	}

	@Test
	void aRestartedInstanceCatchesUpWithWhatBecameDueWhileItWasDown() {
		LocalDate effectiveFrom = LocalDate.now(BRUSSELS).plusDays(3);
		UUID id = submit();
		approve(id, effectiveFrom);

		// the service was down over midnight; a new instance starts two days later
		Instant later = effectiveFrom.plusDays(2).atStartOfDay(BRUSSELS).plusHours(9).toInstant();
		ConfigurableApplicationContext restarted = startAnotherInstance(MutableClock.runningFrom(later, BRUSSELS));
		try {
			assertThat(restarted.getBean(EffectiveDates.class).makeDueEffective()).isPositive();
			assertThat(details(id).path("status").asString()).isEqualTo("EFFECTIVE");
			try (KafkaEvents events = KafkaEvents.of(Topics.MEMBERSHIP_EFFECTIVE, id)) {
				assertThat(events.awaitExactlyOne(Duration.ofSeconds(30))).hasSize(1);
			}
		}
		finally {
			restarted.close();
		}
	}

	/**
	 * Another instance of the service against the same database and broker, with its own
	 * clock and the outbox settings of the test contexts (a publication left incomplete
	 * is sent again within seconds); its poll is left to the test.
	 */
	private static ConfigurableApplicationContext startAnotherInstance(Clock clock) {
		// the tests' broker, registry and database (maybe a PostgreSQL container);
		// command-line arguments for the rest, as in a deployment
		return new SpringApplicationBuilder(OnboardingApplication.class)
			.initializers(new InfrastructureInitializer(),
					(context) -> context.getBeanFactory().registerSingleton("instanceClock", clock))
			.run("--server.port=0", "--membership.security.staff-password=other-instance", "--" + POLL_OFF,
					"--spring.config.import=classpath:onboarding-test.properties");
	}

}
