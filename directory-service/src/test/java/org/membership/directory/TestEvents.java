package org.membership.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.events.Organisation;
import org.membership.events.OrganisationType;
import org.membership.events.Topics;
import org.membership.stack.testing.TestInfrastructure;

/**
 * A real producer, as onboarding-service has one: the Apicurio Avro serializer against
 * the test JVM's broker and registry (schemas registered beforehand, latest version
 * looked up). Also a raw producer for poison bytes.
 */
public final class TestEvents {

	private static KafkaProducer<String, SpecificRecord> avro;

	private static KafkaProducer<String, byte[]> raw;

	private TestEvents() {
	}

	private static synchronized KafkaProducer<String, SpecificRecord> avro() {
		if (avro == null) {
			TestInfrastructure infrastructure = TestInfrastructure.get();
			Map<String, Object> config = new java.util.HashMap<>();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
			config.put(ProducerConfig.ACKS_CONFIG, "all");
			config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			// from the class name, so that the producer configures it
			config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
			config.put("apicurio.registry.url", infrastructure.registryUrl());
			config.put("apicurio.registry.auto-register", false);
			config.put("apicurio.registry.find-latest", true);
			avro = new KafkaProducer<>(config);
		}
		return avro;
	}

	private static synchronized KafkaProducer<String, byte[]> raw() {
		if (raw == null) {
			raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.get().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
		}
		return raw;
	}

	/** Sends and waits for the broker's acknowledgement. */
	public static RecordMetadata send(String topic, UUID key, SpecificRecord event) {
		try {
			return avro().send(new ProducerRecord<>(topic, key.toString(), event)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	public static RecordMetadata sendRaw(String topic, UUID key, byte[] value) {
		try {
			return raw().send(new ProducerRecord<>(topic, key.toString(), value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	public static RecordMetadata approved(MemberApproved event) {
		return send(Topics.MEMBER_APPROVED, event.getApplicationId(), event);
	}

	public static RecordMetadata effective(MembershipEffective event) {
		return send(Topics.MEMBERSHIP_EFFECTIVE, event.getApplicationId(), event);
	}

	public static MemberApproved.Builder approval(UUID applicationId, long version, Organisation organisation) {
		return MemberApproved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setApplicationId(applicationId)
			.setApplicationVersion(version)
			.setCorrelationId("corr-" + applicationId)
			.setTier("FULL")
			.setEffectiveFrom(LocalDate.of(2023, 1, 1))
			.setApprovedBy("staff")
			.setOrganisation(organisation)
			.setNote(null);
	}

	public static MembershipEffective.Builder effect(UUID applicationId, long version, Organisation organisation) {
		return MembershipEffective.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setApplicationId(applicationId)
			.setApplicationVersion(version)
			.setCorrelationId("corr-" + applicationId)
			.setTier("FULL")
			.setEffectiveFrom(LocalDate.of(2023, 1, 1))
			.setOrganisation(organisation);
	}

	/** The reference story's organisation, with a name made unique for one test. */
	public static Organisation.Builder organisation(String name) {
		return Organisation.newBuilder()
			.setName(name)
			.setLegalName("Asociația CLUJ IT")
			.setCountry("RO")
			.setCity("Cluj-Napoca")
			.setWebsite("https://www.clujit.ro")
			.setType(OrganisationType.CLUSTER)
			.setFoundedOn(LocalDate.of(2012, 10, 1))
			.setMemberCount(90)
			.setDescription("Innovative cluster of IT companies, universities and research institutes.");
	}

	/** A name no other test uses. */
	public static String uniqueName(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
