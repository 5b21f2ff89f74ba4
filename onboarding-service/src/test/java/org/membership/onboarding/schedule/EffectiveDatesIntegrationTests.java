package org.membership.onboarding.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.onboarding.OnboardingApplication;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.MutableClock;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.InfrastructureInitializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MembershipEffective fires exactly once, at local midnight (Europe/Brussels) of
 * effectiveFrom, or at once when that is today or past; with two schedulers and after a
 * restart still once.
 */
@OnboardingIntegrationTest
class EffectiveDatesIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EffectiveDates effectiveDates;

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
			MembershipEffective effective = (MembershipEffective) events
				.awaitExactlyOne(Duration.ofSeconds(30), Duration.ofSeconds(4))
				.get(0);
			assertThat(effective.getEffectiveFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
			assertThat(effective.getTier()).isEqualTo("FULL");
			assertThat(effective.getApplicationVersion()).isEqualTo(3);
			assertThat(effective.getOrganisation().getName()).isEqualTo("CLUJ IT Cluster");
		}
		this.effectiveDates.makeDueEffective();
		assertThat(details(id).path("history")).hasSize(3);
	}

	@Test
	void anApprovalTakesEffectAtLocalMidnightOfEffectiveFromOnceWhateverTheNumberOfSchedulers() throws Exception {
		LocalDate effectiveFrom = LocalDate.now(BRUSSELS).plusDays(10);
		Instant midnight = effectiveFrom.atStartOfDay(BRUSSELS).toInstant();
		UUID id = submit();
		assertThat(approve(id, effectiveFrom).text("status")).isEqualTo("APPROVED");

		this.clock.set(midnight.minusSeconds(1));
		this.effectiveDates.makeDueEffective();
		assertThat(details(id).path("status").asString()).isEqualTo("APPROVED");

		this.clock.set(midnight);
		ConfigurableApplicationContext otherInstance = startAnotherInstance(Clock.fixed(midnight, BRUSSELS));
		try {
			EffectiveDates otherScheduler = otherInstance.getBean(EffectiveDates.class);
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Integer>> runs = List.of(
					CompletableFuture.supplyAsync(() -> runAfter(start, this.effectiveDates)),
					CompletableFuture.supplyAsync(() -> runAfter(start, this.effectiveDates)),
					CompletableFuture.supplyAsync(() -> runAfter(start, otherScheduler)),
					CompletableFuture.supplyAsync(() -> runAfter(start, otherScheduler)));
			start.countDown();
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();

			JsonNode details = details(id);
			assertThat(details.path("status").asString()).isEqualTo("EFFECTIVE");
			assertThat(details.path("version").asLong()).isEqualTo(3);
			assertThat(details.path("history").get(2).path("by").asString()).isEqualTo("scheduler");
			try (KafkaEvents events = KafkaEvents.of(Topics.MEMBERSHIP_EFFECTIVE, id)) {
				MembershipEffective effective = (MembershipEffective) events
					.awaitExactlyOne(Duration.ofSeconds(30), Duration.ofSeconds(3))
					.get(0);
				assertThat(effective.getEffectiveFrom()).isEqualTo(effectiveFrom);

				// neither a restarted instance nor another poll publishes again
				otherScheduler.makeDueEffective();
				this.effectiveDates.makeDueEffective();
				assertThat(events.awaitExactlyOne(Duration.ofSeconds(5), Duration.ofSeconds(4))).hasSize(1);
			}
		}
		finally {
			otherInstance.close();
		}
		assertThat(details(id).path("history")).hasSize(3);
	}

	@Test
	void aRestartedInstanceCatchesUpWithWhatBecameDueWhileItWasDown() {
		LocalDate effectiveFrom = LocalDate.now(BRUSSELS).plusDays(3);
		UUID id = submit();
		approve(id, effectiveFrom);

		// the service was down over midnight; a new instance starts two days later
		Instant later = effectiveFrom.plusDays(2).atStartOfDay(BRUSSELS).plusHours(9).toInstant();
		ConfigurableApplicationContext restarted = startAnotherInstance(Clock.fixed(later, BRUSSELS));
		try {
			assertThat(restarted.getBean(EffectiveDates.class).makeDueEffective()).isPositive();
			assertThat(details(id).path("status").asString()).isEqualTo("EFFECTIVE");
			try (KafkaEvents events = KafkaEvents.of(Topics.MEMBERSHIP_EFFECTIVE, id)) {
				assertThat(events.awaitExactlyOne(Duration.ofSeconds(30), Duration.ofSeconds(3))).hasSize(1);
			}
		}
		finally {
			restarted.close();
		}
	}

	private static int runAfter(CountDownLatch start, EffectiveDates scheduler) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return scheduler.makeDueEffective();
	}

	/**
	 * Another instance of the service against the same database and broker, with its own
	 * clock; its poll is left to the test.
	 */
	private static ConfigurableApplicationContext startAnotherInstance(Clock clock) {
		// the tests' broker, registry and database (maybe a PostgreSQL container);
		// command-line arguments for the rest, as in a deployment
		return new SpringApplicationBuilder(OnboardingApplication.class)
			.initializers(new InfrastructureInitializer(),
					(context) -> context.getBeanFactory().registerSingleton("instanceClock", clock))
			.run("--server.port=0", "--membership.security.staff-password=other-instance",
					"--membership.onboarding.effective-dates.poll-interval=1h",
					"--membership.onboarding.effective-dates.initial-delay=1h");
	}

}
