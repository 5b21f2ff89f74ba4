package org.membership.directory.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.directory.member.ConsumerLag;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild (empty the projection, replay the topics from the beginning) gives exactly
 * the directory the events gave the first time: same rows, same values.
 */
@DirectoryIntegrationTest
class RebuildIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConsumerLag lag;

	@Test
	void aRebuildFromTheTopicsGivesAnIdenticalDirectory() {
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
		List<UUID> mine = List.of(inOrder, outOfOrder, joining);
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(caughtUp()).isTrue();
			assertThat(rows(mine)).hasSize(3);
		});
		List<Map<String, Object>> original = rows(mine);

		rebuild();
		await().atMost(WAIT).until(this::caughtUp);
		List<Map<String, Object>> rebuilt = rows(mine);
		List<Map<String, Object>> everything = allRows();

		assertThat(rebuilt).isEqualTo(original);
		assertThat(rebuilt).extracting((row) -> row.get("status"))
			.containsExactlyInAnyOrderElementsOf(List.of("MEMBER", "MEMBER", "JOINING"));

		// a second rebuild reproduces the whole table, whatever else the topics hold
		rebuild();
		await().atMost(WAIT).until(this::caughtUp);
		assertThat(allRows()).isEqualTo(everything);
	}

	@Test
	void rebuildingIsForStaffOnly() {
		assertThat(this.http.postForEntity("/api/directory/rebuild", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private void rebuild() {
		ResponseEntity<Map> started = this.http.withBasicAuth("staff", "test-staff-secret")
			.postForEntity("/api/directory/rebuild", null, Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
	}

	private boolean caughtUp() {
		return this.lag.lagByTopic().values().stream().allMatch((behind) -> behind == 0);
	}

	private List<Map<String, Object>> rows(List<UUID> ids) {
		return this.jdbc.sql("select * from member where application_id in (:ids) order by application_id")
			.param("ids", ids.stream().map(UUID::toString).toList())
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> allRows() {
		return this.jdbc.sql("select * from member order by application_id").query().listOfRows();
	}

}
