package org.membership.directory.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.membership.directory.DirectoryApplication;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.directory.member.ConsumerLag;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.stack.testing.InfrastructureInitializer;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild replays the topics into a new generation while the live one keeps answering,
 * then swaps: the rebuilt directory is exactly the one the events gave the first time
 * (same rows, same values), the public API never shows a partial one, and it works with
 * two instances on one database (the second one a Spring context of its own, in the same
 * consumer group, with a {@link ReplayObserver} the test steers).
 */
@DirectoryIntegrationTest
class RebuildIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final String STAFF_PASSWORD = "test-staff-secret";

	private static final String LIVE = "(select id from directory_generation where state = 'LIVE')";

	/** What the other instance's replay does before each record. */
	private static final AtomicReference<ReplayObserver> otherReplay = new AtomicReference<>();

	private static ConfigurableApplicationContext otherInstance;

	private static TestRestTemplate otherHttp;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConsumerLag lag;

	@BeforeAll
	static void startAnotherInstance() {
		// the tests' broker, registry and database; command-line arguments for the rest,
		// as
		// in a deployment
		otherInstance = new SpringApplicationBuilder(DirectoryApplication.class)
			.initializers(new InfrastructureInitializer(), (context) -> context.getBeanFactory()
				.registerSingleton("testReplayObserver", (ReplayObserver) (generation, record) -> {
					ReplayObserver observer = otherReplay.get();
					if (observer != null) {
						observer.beforeApply(generation, record);
					}
				}))
			.run("--server.port=0");
		otherHttp = new TestRestTemplate(
				new RestTemplateBuilder()
					.rootUri("http://127.0.0.1:" + otherInstance.getEnvironment().getProperty("local.server.port")),
				"staff", STAFF_PASSWORD);
	}

	@AfterAll
	static void stopTheOtherInstance() {
		if (otherInstance != null) {
			otherInstance.close();
		}
	}

	@Test
	void aRebuildFromTheTopicsGivesAnIdenticalDirectory() {
		List<UUID> mine = sendTheSampleMembers();
		awaitApplied(mine);
		List<Map<String, Object>> original = rows(mine);
		long before = liveGeneration();

		long generation = rebuild(this.http);
		awaitLive(generation);
		List<Map<String, Object>> rebuilt = rows(mine);
		List<Map<String, Object>> everything = allRows();

		assertThat(generation).isGreaterThan(before);
		assertThat(rebuilt).isEqualTo(original);
		assertThat(rebuilt).extracting((row) -> row.get("status"))
			.containsExactlyInAnyOrderElementsOf(List.of("MEMBER", "MEMBER", "JOINING"));
		// the retired generation's rows are deleted
		await().atMost(WAIT).until(() -> rowsOf(before) == 0);

		// a second rebuild, started on the other instance, reproduces the whole table
		long again = rebuild(otherHttp);
		awaitLive(again);
		assertThat(allRows()).isEqualTo(everything);
	}

	@Test
	void aRebuildReplaysNewEffectiveDatesAndWithdrawalsToTheSameDirectory() {
		UUID moved = UUID.randomUUID();
		UUID movedFirst = UUID.randomUUID();
		UUID withdrawn = UUID.randomUUID();
		UUID withdrawnFirst = UUID.randomUUID();
		List<UUID> mine = List.of(moved, movedFirst, withdrawn, withdrawnFirst);
		TestProducer.send(SampleEvents.memberApproved(moved)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild Moved")).build())
			.build());
		TestProducer.send(SampleEvents.effectiveDateChanged(moved)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild Moved")).build())
			.build());
		TestProducer.send(SampleEvents.effectiveDateChanged(movedFirst)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild Moved First")).build())
			.build());
		TestProducer.send(SampleEvents.memberApproved(movedFirst)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild Stale Approval")).build())
			.build());
		TestProducer.send(SampleEvents.memberApproved(withdrawn).build());
		TestProducer.send(SampleEvents.applicationWithdrawn(withdrawn).build());
		TestProducer.send(SampleEvents.applicationWithdrawn(withdrawnFirst).build());
		TestProducer.send(SampleEvents.membershipEffective(withdrawnFirst).setApplicationVersion(2).build());
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(rows(mine)).extracting((row) -> row.get("status"))
				.containsExactlyInAnyOrder("JOINING", "JOINING", "WITHDRAWN", "WITHDRAWN");
			assertThat(this.lag.lagByTopic()).containsKeys(Topics.APPLICATION_WITHDRAWN, Topics.EFFECTIVE_DATE_CHANGED);
			assertThat(this.lag.lagByTopic().values()).allMatch((behind) -> behind == 0);
		});
		List<Map<String, Object>> original = rows(mine);
		assertThat(original).filteredOn((row) -> "JOINING".equals(row.get("status")))
			.extracting((row) -> String.valueOf(row.get("effective_from")))
			.containsOnly("2023-03-01");

		long generation = rebuild(this.http);
		awaitLive(generation);

		assertThat(rows(mine)).isEqualTo(original);
		for (UUID id : List.of(withdrawn, withdrawnFirst)) {
			assertThat(this.http.getForEntity("/api/members/" + id, String.class).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		String joining = this.http.getForObject("/api/members/joining?size=100", String.class);
		assertThat(joining).doesNotContain(withdrawn.toString()).doesNotContain(withdrawnFirst.toString());
	}

	@Test
	void thePublicDirectoryAnswersWithTheWholeOldContentUntilTheRebuiltOneIsComplete() throws Exception {
		List<UUID> mine = sendTheSampleMembers();
		awaitApplied(mine);
		List<Map<String, Object>> original = allRows();
		Map<?, ?> summary = this.http.getForObject("/api/members/summary", Map.class);
		String page = this.http.getForObject("/api/members?size=100", String.class);
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		otherReplay.set((generation, record) -> {
			paused.countDown();
			awaitReleased(resume);
		});
		try {
			// started on the other instance, which replays while this one serves
			long generation = rebuild(otherHttp);
			assertThat(paused.await(60, TimeUnit.SECONDS)).as("the replay reached its first record").isTrue();

			assertThat(this.http.getForObject("/api/members/summary", Map.class)).isEqualTo(summary);
			assertThat(this.http.getForObject("/api/members?size=100", String.class)).isEqualTo(page);
			assertThat(otherHttp.getForObject("/api/members/summary", Map.class)).isEqualTo(summary);
			assertThat(state(generation)).isEqualTo("BUILDING");
			Map<?, ?> progress = Arrays
				.stream(this.http.withBasicAuth("staff", STAFF_PASSWORD)
					.getForObject("/api/directory/generations", Map[].class))
				.filter((shown) -> ((Number) shown.get("id")).longValue() == generation)
				.findFirst()
				.orElseThrow();
			assertThat(progress.get("state")).isEqualTo("BUILDING");
			assertThat((Map<?, ?>) progress.get("replayRemaining")).isNotEmpty();

			// one rebuild at a time, whichever instance is asked
			ResponseEntity<Map> second = this.http.withBasicAuth("staff", STAFF_PASSWORD)
				.postForEntity("/api/directory/rebuild", null, Map.class);
			assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(second.getBody()).containsEntry("type", "urn:membership:problem:rebuild-in-progress");
			assertThat(otherHttp.postForEntity("/api/directory/rebuild", null, Map.class).getStatusCode())
				.isEqualTo(HttpStatus.CONFLICT);

			// an event during the rebuild reaches the live directory now and the rebuilt
			// one
			UUID during = UUID.randomUUID();
			String duringName = SampleEvents.uniqueName("During Rebuild");
			TestProducer.send(SampleEvents.membershipEffective(during)
				.setOrganisation(SampleEvents.organisation(duringName).build())
				.build());
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(this.http.getForEntity("/api/members/" + during, Map.class).getStatusCode())
							.isEqualTo(HttpStatus.OK));
			assertThat(state(generation)).isEqualTo("BUILDING");
			// the new generation holds that one member only: the public API still reads
			// the
			// whole old directory, plus that member once
			assertThat(rowsOf(generation)).isEqualTo(1);
			Map<?, ?> now = this.http.getForObject("/api/members/summary", Map.class);
			assertThat(((Number) now.get("total")).longValue())
				.isEqualTo(((Number) summary.get("total")).longValue() + 1);
			Map<?, ?> found = this.http.getForObject("/api/members?q={q}", Map.class, duringName);
			assertThat((List<?>) found.get("content")).hasSize(1);

			resume.countDown();
			awaitLive(generation);
			assertThat(this.http.getForEntity("/api/members/" + during, Map.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
			List<Map<String, Object>> rebuilt = allRows();
			rebuilt.removeIf((row) -> during.toString().equals(row.get("application_id")));
			assertThat(rebuilt).isEqualTo(original);
		}
		finally {
			resume.countDown();
			otherReplay.set(null);
		}
	}

	@Test
	void aFailedRebuildLeavesTheOldDirectoryIntactAndALaterOneCanStart() {
		awaitApplied(sendTheSampleMembers());
		long before = liveGeneration();
		List<Map<String, Object>> original = allRows();
		otherReplay.set((generation, record) -> {
			throw new IllegalStateException("injected: the replay fails");
		});
		try {
			long failed = rebuild(otherHttp);
			await().atMost(WAIT).until(() -> state(failed), "FAILED"::equals);
			assertThat(liveGeneration()).isEqualTo(before);
			assertThat(allRows()).isEqualTo(original);
			assertThat(this.jdbc.sql("select failure from directory_generation where id = ?")
				.param(failed)
				.query(String.class)
				.single()).contains("injected");
			await().atMost(WAIT).until(() -> rowsOf(failed) == 0);
		}
		finally {
			otherReplay.set(null);
		}

		long later = rebuild(this.http);
		awaitLive(later);
		assertThat(allRows()).isEqualTo(original);
	}

	@Test
	void aRebuildWhoseInstanceDiedIsTakenOverOnceItsHeartbeatIsOld() {
		long live = liveGeneration();
		long dead = this.jdbc.sql("select max(id) + 1 from directory_generation").query(Long.class).single();
		// what an instance that died mid-rebuild leaves: BUILDING, its last heartbeat old
		OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
		this.jdbc.sql("""
				insert into directory_generation (id, state, exclusive_state, started_at, heartbeat_at, started_by)
				values (?, 'BUILDING', 'BUILDING', ?, ?, 'an instance that died')
				""").params(dead, longAgo, longAgo).update();

		long generation = rebuild(this.http);

		assertThat(state(dead)).isEqualTo("FAILED");
		assertThat(this.jdbc.sql("select failure from directory_generation where id = ?")
			.param(dead)
			.query(String.class)
			.single()).contains("abandoned");
		awaitLive(generation);
		assertThat(state(live)).isEqualTo("RETIRED");
	}

	@Test
	void rebuildingIsForStaffOnly() {
		assertThat(this.http.postForEntity("/api/directory/rebuild", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.getForEntity("/api/directory/generations", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static List<UUID> sendTheSampleMembers() {
		UUID inOrder = UUID.randomUUID();
		UUID outOfOrder = UUID.randomUUID();
		UUID joining = UUID.randomUUID();
		MemberApproved approvedInOrder = SampleEvents.memberApproved(inOrder)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild In Order")).build())
			.build();
		MembershipEffective effectiveInOrder = SampleEvents.membershipEffective(inOrder)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild In Order")).build())
			.build();
		TestProducer.send(approvedInOrder);
		TestProducer.send(effectiveInOrder);
		TestProducer.send(effectiveInOrder);
		TestProducer.send(SampleEvents.membershipEffective(outOfOrder)
			.setOrganisation(
					SampleEvents.organisation(SampleEvents.uniqueName("Rebuild Out Of Order")).setCountry("BE").build())
			.setTier("ASSOCIATE")
			.build());
		TestProducer.send(SampleEvents.memberApproved(outOfOrder)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Stale Name")).build())
			.build());
		TestProducer.send(SampleEvents.memberApproved(joining)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Rebuild Joining")).build())
			.build());
		return List.of(inOrder, outOfOrder, joining);
	}

	private long rebuild(TestRestTemplate client) {
		TestRestTemplate staff = (client == this.http) ? this.http.withBasicAuth("staff", STAFF_PASSWORD) : client;
		ResponseEntity<Map> started = staff.postForEntity("/api/directory/rebuild", null, Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat((Map<?, ?>) started.getBody().get("replayUntil")).isNotEmpty();
		return ((Number) started.getBody().get("generation")).longValue();
	}

	/** The members are there and the live group has applied everything. */
	private void awaitApplied(List<UUID> mine) {
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(rows(mine)).hasSize(3);
			assertThat(this.lag.lagByTopic().values()).allMatch((behind) -> behind == 0);
		});
	}

	private void awaitLive(long generation) {
		await().atMost(WAIT).until(() -> state(generation), (state) -> !"BUILDING".equals(state));
		assertThat(state(generation)).isEqualTo("LIVE");
	}

	private String state(long generation) {
		return this.jdbc.sql("select state from directory_generation where id = ?")
			.param(generation)
			.query(String.class)
			.single();
	}

	private long liveGeneration() {
		return this.jdbc.sql("select id from directory_generation where state = 'LIVE'").query(Long.class).single();
	}

	private long rowsOf(long generation) {
		return this.jdbc.sql("select count(*) from member where generation_id = ?")
			.param(generation)
			.query(Long.class)
			.single();
	}

	private List<Map<String, Object>> rows(List<UUID> ids) {
		return withoutGeneration(this.jdbc
			.sql("select * from member where generation_id = " + LIVE
					+ " and application_id in (:ids) order by application_id")
			.param("ids", ids.stream().map(UUID::toString).toList())
			.query()
			.listOfRows());
	}

	private List<Map<String, Object>> allRows() {
		return withoutGeneration(
				this.jdbc.sql("select * from member where generation_id = " + LIVE + " order by application_id")
					.query()
					.listOfRows());
	}

	private static List<Map<String, Object>> withoutGeneration(List<Map<String, Object>> rows) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> copy = new LinkedHashMap<>();
			row.forEach((column, value) -> {
				if (!"generation_id".equalsIgnoreCase(column)) {
					copy.put(column.toLowerCase(Locale.ROOT), value);
				}
			});
			result.add(copy);
		}
		return result;
	}

	private static void awaitReleased(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the test did not resume the replay");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
