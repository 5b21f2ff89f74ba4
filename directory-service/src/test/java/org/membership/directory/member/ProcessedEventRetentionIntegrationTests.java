package org.membership.directory.member;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processed event ids are kept for the retention (7 days by default), then pruned: a
 * duplicate within the window is still recognised as one, and an older one is harmless
 * (stale) because of the versioned, forward-only rules.
 */
@DirectoryIntegrationTest
class ProcessedEventRetentionIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String LIVE = " and generation_id = (select id from directory_generation where state = 'LIVE')";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ProcessedEventRetention retention;

	@Autowired
	private ProcessedEventsProperties properties;

	@Test
	void idsOlderThanTheRetentionArePrunedRecentOnesKeptAndADuplicateInTheWindowStillIgnored() {
		assertThat(this.properties.retention()).isEqualTo(Duration.ofDays(7));
		MembershipEffective old = effective("Retention Old");
		MembershipEffective recent = effective("Retention Recent");
		TestProducer.send(old);
		TestProducer.send(recent);
		await().atMost(WAIT).until(() -> outcome(old) != null && outcome(recent) != null);
		// the old one was processed eight days ago, the recent one a day ago
		processedAt(old, OffsetDateTime.now(ZoneOffset.UTC).minusDays(8));
		processedAt(recent, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
		double prunedBefore = this.meters.get(ProcessedEventRetention.PRUNED).counter().count();

		int pruned = this.retention.prune();

		assertThat(pruned).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get(ProcessedEventRetention.PRUNED).counter().count()).isEqualTo(prunedBefore + pruned);
		assertThat(outcome(old)).isNull();
		assertThat(outcome(recent)).isEqualTo("APPLIED");
		Map<String, Object> oldRow = member(old);
		Map<String, Object> recentRow = member(recent);

		// a duplicate within the window: recognised by its id
		double duplicates = counter(DirectoryMetrics.DUPLICATES);
		TestProducer.send(recent);
		await().atMost(WAIT).until(() -> counter(DirectoryMetrics.DUPLICATES) > duplicates);
		assertThat(member(recent)).isEqualTo(recentRow);
		assertThat(outcome(recent)).isEqualTo("APPLIED");

		// a duplicate older than the window: its id is gone, the version rules make it
		// stale and it changes nothing
		double stale = counter(DirectoryMetrics.STALE);
		TestProducer.send(old);
		await().atMost(WAIT).until(() -> counter(DirectoryMetrics.STALE) > stale);
		assertThat(outcome(old)).isEqualTo("STALE");
		assertThat(member(old)).isEqualTo(oldRow);
	}

	private static MembershipEffective effective(String name) {
		return SampleEvents.membershipEffective(UUID.randomUUID())
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName(name)).build())
			.build();
	}

	private void processedAt(MembershipEffective event, OffsetDateTime time) {
		this.jdbc.sql("update processed_event set processed_at = ? where event_id = ?")
			.params(time, event.getEventId().toString())
			.update();
	}

	private String outcome(MembershipEffective event) {
		return this.jdbc.sql("select outcome from processed_event where event_id = ?" + LIVE)
			.param(event.getEventId().toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private Map<String, Object> member(MembershipEffective event) {
		return this.jdbc.sql("select * from member where application_id = ?" + LIVE)
			.param(event.getApplicationId().toString())
			.query()
			.singleRow();
	}

	private double counter(String name) {
		var counter = this.meters.find(name).tag("topic", Topics.MEMBERSHIP_EFFECTIVE).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
