package org.membership.onboarding.outbox;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.membership.events.MemberApproved;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.KafkaBroker;
import org.membership.stack.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing is lost between the database and Kafka, not even while the broker is down. */
@OnboardingIntegrationTest
class OutboxResilienceIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ApplicationContext context;

	@Test
	void anApprovalDuringABrokerOutageSucceedsAndItsEventArrivesWhenTheBrokerIsBack() {
		// the one relay is service-support's: no copy of it in this service
		assertThat(this.context.getBean("outboxRelay").getClass().getName())
			.isEqualTo("org.membership.support.outbox.OutboxRelay");
		UUID id = UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
		KafkaBroker broker = TestInfrastructure.get().broker();
		// the submission's event must be out first: a cold producer may still send it
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitingInOutbox(id)).isZero());

		broker.stop();
		try {
			long started = System.nanoTime();
			Api.Response approval = new Api(this.port).asStaff()
				.post("/api/applications/" + id + "/approval",
						Map.of("tier", "FULL", "effectiveFrom", LocalDate.now().plusMonths(2).toString()));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
			assertThat(approval.text("status")).isEqualTo("APPROVED");
			assertThat(took).as("the request does not wait for the broker").isLessThan(Duration.ofSeconds(5));
			assertThat(waitingInOutbox(id)).isEqualTo(1);
			assertThat(this.meters.get("membership.onboarding.outbox.waiting").gauge().value())
				.isGreaterThanOrEqualTo(1);
		}
		finally {
			broker.start();
		}

		try (KafkaEvents events = KafkaEvents.of(Topics.MEMBER_APPROVED, id)) {
			MemberApproved approved = events.awaitFirst(Duration.ofMinutes(2));
			assertThat(approved.getApplicationVersion()).isEqualTo(2);
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waitingInOutbox(id)).isZero());
	}

	@Test
	void theTestsQuietWindowIsLongerThanTheOutboxResubmissionCycle() {
		Duration olderThan = this.context.getEnvironment()
			.getRequiredProperty("membership.outbox.resubmit-older-than", Duration.class);
		Duration interval = this.context.getEnvironment()
			.getRequiredProperty("membership.outbox.resubmit-interval", Duration.class);
		// a publication left incomplete is resent at the latest after olderThan +
		// interval
		assertThat(KafkaEvents.QUIET).isGreaterThan(olderThan.plus(interval));
	}

	private long waitingInOutbox(UUID id) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + id + "%")
			.query(Long.class)
			.single();
	}

}
