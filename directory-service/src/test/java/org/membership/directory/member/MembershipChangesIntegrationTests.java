package org.membership.directory.member;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.events.ApplicationWithdrawn;
import org.membership.events.EffectiveDateChanged;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.events.WithdrawnBy;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes before a membership takes effect, from a real producer through the real broker
 * and registry: a new effective date moves the joining organisation, a withdrawal drops
 * it, each applied once, in any order, and a withdrawn application is never listed.
 */
@DirectoryIntegrationTest
class MembershipChangesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aNewEffectiveDateMovesTheJoiningOrganisationOnce() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Moved Date");
		MemberApproved approved = SampleEvents.memberApproved(id)
			.setOrganisation(SampleEvents.organisation(name).build())
			.build();
		TestProducer.send(approved);
		await().atMost(WAIT).until(() -> outcome(approved.getEventId()), "APPLIED"::equals);
		assertThat(joining(id)).containsEntry("joiningOn", "2023-01-01");

		EffectiveDateChanged changed = SampleEvents.effectiveDateChanged(id)
			.setOrganisation(SampleEvents.organisation(name).build())
			.build();
		TestProducer.send(changed);
		await().atMost(WAIT).until(() -> outcome(changed.getEventId()), "APPLIED"::equals);
		assertThat(joining(id)).containsEntry("joiningOn", "2023-03-01").containsEntry("name", name);

		double duplicatesBefore = counter(DirectoryMetrics.DUPLICATES, Topics.EFFECTIVE_DATE_CHANGED);
		TestProducer.send(changed);
		await().atMost(WAIT)
			.until(() -> counter(DirectoryMetrics.DUPLICATES, Topics.EFFECTIVE_DATE_CHANGED) > duplicatesBefore);
		assertThat(processed(changed.getEventId())).isEqualTo(1);
		assertThat(joining(id)).containsEntry("joiningOn", "2023-03-01");
		assertThat(this.http.getForEntity("/api/members/" + id, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aDateChangeBeforeItsApprovalCreatesTheJoiningEntryAndTheLateApprovalIsStale() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Date First");
		EffectiveDateChanged changed = SampleEvents.effectiveDateChanged(id)
			.setOrganisation(SampleEvents.organisation(name).setCity("Timișoara").build())
			.build();
		TestProducer.send(changed);
		await().atMost(WAIT).until(() -> outcome(changed.getEventId()), "APPLIED"::equals);
		assertThat(joining(id)).containsEntry("joiningOn", "2023-03-01")
			.containsEntry("name", name)
			.containsEntry("city", "Timișoara")
			.containsEntry("tier", "FULL");

		MemberApproved approved = SampleEvents.memberApproved(id)
			.setOrganisation(SampleEvents.organisation(name).setCity("Arad").build())
			.build();
		TestProducer.send(approved);
		await().atMost(WAIT).until(() -> outcome(approved.getEventId()), "STALE"::equals);
		assertThat(joining(id)).containsEntry("joiningOn", "2023-03-01").containsEntry("city", "Timișoara");

		// and the membership takes effect on the new date
		MembershipEffective effective = SampleEvents.membershipEffective(id)
			.setApplicationVersion(4)
			.setEffectiveFrom(SampleEvents.NEW_EFFECTIVE_FROM)
			.setOrganisation(SampleEvents.organisation(name).setCity("Timișoara").build())
			.build();
		TestProducer.send(effective);
		await().atMost(WAIT).until(() -> outcome(effective.getEventId()), "APPLIED"::equals);
		assertThat(this.http.getForObject("/api/members/" + id, Map.class)).containsEntry("memberSince", "2023-03-01");
		assertThat(joining(id)).isNull();
	}

	@Test
	void aWithdrawalDropsTheJoiningOrganisationOnce() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Withdrawn Later");
		MemberApproved approved = SampleEvents.memberApproved(id)
			.setOrganisation(SampleEvents.organisation(name).build())
			.build();
		TestProducer.send(approved);
		await().atMost(WAIT).until(() -> outcome(approved.getEventId()), "APPLIED"::equals);
		assertThat(joining(id)).isNotNull();

		ApplicationWithdrawn withdrawn = SampleEvents.applicationWithdrawn(id)
			.setWithdrawnBy(WithdrawnBy.STAFF)
			.setReason("The applicant asked us by phone.")
			.build();
		TestProducer.send(withdrawn);
		await().atMost(WAIT).until(() -> outcome(withdrawn.getEventId()), "APPLIED"::equals);
		assertThat(joining(id)).isNull();
		assertThat(status(id)).isEqualTo("WITHDRAWN");
		// nothing of the organisation is kept
		assertThat(this.jdbc.sql("select name from member where application_id = ? and generation_id = " + LIVE)
			.param(id.toString())
			.query(String.class)
			.optional()).isEmpty();

		double duplicatesBefore = counter(DirectoryMetrics.DUPLICATES, Topics.APPLICATION_WITHDRAWN);
		TestProducer.send(withdrawn);
		await().atMost(WAIT)
			.until(() -> counter(DirectoryMetrics.DUPLICATES, Topics.APPLICATION_WITHDRAWN) > duplicatesBefore);
		assertThat(processed(withdrawn.getEventId())).isEqualTo(1);
		assertThat(status(id)).isEqualTo("WITHDRAWN");
	}

	@Test
	void aWithdrawnApplicationIsNeverListedWhateverArrivesAfterTheWithdrawal() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Withdrawn First");
		ApplicationWithdrawn withdrawn = SampleEvents.applicationWithdrawn(id).setApplicationVersion(4).build();
		TestProducer.send(withdrawn);
		await().atMost(WAIT).until(() -> outcome(withdrawn.getEventId()), "APPLIED"::equals);

		// the application's older events, each on its own topic, arriving late
		MemberApproved approved = SampleEvents.memberApproved(id)
			.setOrganisation(SampleEvents.organisation(name).build())
			.build();
		EffectiveDateChanged changed = SampleEvents.effectiveDateChanged(id)
			.setOrganisation(SampleEvents.organisation(name).build())
			.build();
		MembershipEffective effective = SampleEvents.membershipEffective(id)
			.setOrganisation(SampleEvents.organisation(name).build())
			.build();
		TestProducer.send(approved);
		TestProducer.send(changed);
		TestProducer.send(effective);

		for (UUID event : List.of(approved.getEventId(), changed.getEventId(), effective.getEventId())) {
			await().atMost(WAIT).until(() -> outcome(event), "STALE"::equals);
		}
		assertThat(status(id)).isEqualTo("WITHDRAWN");
		assertThat(joining(id)).isNull();
		assertThat(this.http.getForEntity("/api/members/" + id, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.http.getForObject("/api/members?q={q}", Map.class, name).get("content"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();
		// the page echoes the search in its form, so it is the result that counts
		assertThat(this.http.getForObject("/members?q={q}", String.class, name)).contains("No member matches.");
	}

	@Test
	void anInvalidDateChangeIsRejectedAndTheJoiningEntryKeepsItsDate() {
		UUID id = UUID.randomUUID();
		MemberApproved approved = SampleEvents.memberApproved(id)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Unknown Tier")).build())
			.build();
		TestProducer.send(approved);
		await().atMost(WAIT).until(() -> outcome(approved.getEventId()), "APPLIED"::equals);

		EffectiveDateChanged invalid = SampleEvents.effectiveDateChanged(id).setTier("PLATINUM").build();
		TestProducer.send(invalid);
		EffectiveDateChanged valid = SampleEvents.effectiveDateChanged(id)
			.setApplicationVersion(4)
			.setEffectiveFrom(java.time.LocalDate.of(2023, 4, 1))
			.build();
		TestProducer.send(valid);

		// the record behind the invalid one (same key, same partition) is applied
		await().atMost(WAIT).until(() -> outcome(valid.getEventId()), "APPLIED"::equals);
		assertThat(outcome(invalid.getEventId())).isNull();
		assertThat(joining(id)).containsEntry("joiningOn", "2023-04-01");
	}

	private static final String LIVE = "(select id from directory_generation where state = 'LIVE')";

	/** The organisation in the public joining list, or {@code null}. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> joining(UUID id) {
		// other tests' organisations join too: look through every page
		for (int number = 0;; number++) {
			Map<String, Object> page = this.http.getForObject("/api/members/joining?size=100&page=" + number,
					Map.class);
			List<Map<String, Object>> content = (List<Map<String, Object>>) page.get("content");
			if (content.isEmpty()) {
				return null;
			}
			for (Map<String, Object> entry : content) {
				if (id.toString().equals(entry.get("id"))) {
					return entry;
				}
			}
		}
	}

	private String status(UUID id) {
		return this.jdbc.sql("select status from member where application_id = ? and generation_id = " + LIVE)
			.param(id.toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String outcome(UUID eventId) {
		return this.jdbc.sql("select outcome from processed_event where event_id = ? and generation_id = " + LIVE)
			.param(eventId.toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long processed(UUID eventId) {
		return this.jdbc.sql("select count(*) from processed_event where event_id = ? and generation_id = " + LIVE)
			.param(eventId.toString())
			.query(Long.class)
			.single();
	}

	private double counter(String name, String topic) {
		var counter = this.meters.find(name).tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
