package org.membership.directory.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.directory.system.DirectoryMetrics;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
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
 * Poison records go to {@code <topic>-dlt} with the failure in their headers, and the
 * records behind them on the same partition are applied; staff list dead letters and
 * replay one once its cause is fixed.
 */
@DirectoryIntegrationTest
class DeadLetterIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String STAFF_PASSWORD = "test-staff-secret";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private MeterRegistry meters;

	@Test
	void bytesThatAreNotAvroAreDeadLetteredAndTheRecordBehindIsApplied() {
		UUID id = UUID.randomUUID();
		byte[] poison = "this is not Avro".getBytes(StandardCharsets.UTF_8);
		RecordMetadata sent = TestProducer.sendRaw(Topics.MEMBER_APPROVED, id, poison);
		TestProducer.send(SampleEvents.memberApproved(id)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Behind Poison")).build())
			.build());

		DeadLetter letter = awaitDeadLetter(id);
		assertThat(letter.topic()).isEqualTo(Topics.deadLetterTopic(Topics.MEMBER_APPROVED));
		assertThat(letter.partition()).isEqualTo(sent.partition());
		assertThat(letter.originalTopic()).isEqualTo(Topics.MEMBER_APPROVED);
		assertThat(letter.originalOffset()).isEqualTo(sent.offset());
		assertThat(letter.exceptionClass()).contains("DeserializationException");
		assertThat(letter.valueSize()).isEqualTo(poison.length);
		await().atMost(WAIT).until(() -> status(id), "JOINING"::equals);
	}

	@Test
	void aRecordWithAnUnknownSchemaIdIsDeadLetteredAndTheRecordBehindIsApplied() {
		UUID id = UUID.randomUUID();
		// the Confluent wire format: magic byte 0, a schema id the registry never gave
		// out
		byte[] unknownSchema = ByteBuffer.allocate(1 + 4 + 8).put((byte) 0).putInt(987_654_321).putLong(42L).array();
		TestProducer.sendRaw(Topics.MEMBERSHIP_EFFECTIVE, id, unknownSchema);
		TestProducer.send(SampleEvents.membershipEffective(id)
			.setOrganisation(SampleEvents.organisation(SampleEvents.uniqueName("Behind Unknown Schema")).build())
			.build());

		DeadLetter letter = awaitDeadLetter(id);
		assertThat(letter.topic()).isEqualTo(Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE));
		assertThat(letter.exceptionClass()).contains("DeserializationException");
		assertThat(letter.message()).isNotBlank();
		assertThat(letter.valueSize()).isEqualTo(unknownSchema.length);
		await().atMost(WAIT).until(() -> status(id), "MEMBER"::equals);
	}

	@Test
	void anInvalidEventIsDeadLetteredAsNotRetryableAndCounted() {
		UUID id = UUID.randomUUID();
		double before = counter(DirectoryMetrics.DEAD_LETTERED, Topics.MEMBERSHIP_EFFECTIVE);
		TestProducer.send(SampleEvents.membershipEffective(id)
			.setOrganisation(
					SampleEvents.organisation(SampleEvents.uniqueName("Invalid Country")).setCountry("Romania").build())
			.build());

		DeadLetter letter = awaitDeadLetter(id);
		assertThat(letter.causeClass()).isEqualTo("org.membership.directory.member.InvalidEventException");
		assertThat(letter.message()).contains("organisation.country");
		assertThat(status(id)).isNull();
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(counter(DirectoryMetrics.DEAD_LETTERED, Topics.MEMBERSHIP_EFFECTIVE))
				.isGreaterThan(before));
	}

	@Test
	void aDeadLetterReplayedAfterTheCauseIsFixedIsApplied() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Blocked For A While");
		String constraint = "blocked_" + id.toString().substring(0, 8);
		// a transient failure: the database refuses this one organisation for now
		this.jdbc.sql("alter table member add constraint " + constraint + " check (name <> '" + name + "')").update();
		try {
			MembershipEffective event = SampleEvents.membershipEffective(id)
				.setOrganisation(SampleEvents.organisation(name).build())
				.build();
			TestProducer.send(event);

			DeadLetter letter = awaitDeadLetter(id);
			assertThat(letter.causeClass()).contains("DataIntegrityViolationException");
			assertThat(status(id)).isNull();

			this.jdbc.sql("alter table member drop constraint " + constraint).update();
			constraint = null;

			String address = "/api/dead-letters/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset()
					+ "/replay";
			assertThat(this.http.postForEntity(address, null, String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			ResponseEntity<Map> replayed = staff().postForEntity(address, null, Map.class);
			assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			assertThat(replayed.getBody()).containsEntry("topic", Topics.MEMBERSHIP_EFFECTIVE);

			await().atMost(WAIT).until(() -> status(id), "MEMBER"::equals);
			assertThat(this.http.getForObject("/api/members/" + id, Map.class)).containsEntry("name", name);
		}
		finally {
			if (constraint != null) {
				this.jdbc.sql("alter table member drop constraint " + constraint).update();
			}
		}
	}

	@Test
	void deadLettersAreForStaffOnly() {
		assertThat(this.http.getForEntity("/api/dead-letters", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("staff", "wrong")
			.getForEntity("/api/dead-letters", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<List> list = staff().getForEntity("/api/dead-letters", List.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(staff().postForEntity("/api/dead-letters/not-a-dlt/0/0/replay", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private TestRestTemplate staff() {
		return this.http.withBasicAuth("staff", STAFF_PASSWORD);
	}

	private DeadLetter awaitDeadLetter(UUID key) {
		return await().atMost(WAIT)
			.until(() -> this.deadLetters.list()
				.stream()
				.filter((letter) -> key.toString().equals(letter.key()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private String status(UUID id) {
		return this.jdbc.sql("select status from member where application_id = ?")
			.param(id.toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private double counter(String name, String topic) {
		var counter = this.meters.find(name).tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
