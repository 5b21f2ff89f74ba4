package org.membership.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.membership.events.EventTopic;
import org.membership.events.MemberApproved;
import org.membership.events.Topics;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract against the real Apicurio Registry: subjects, compatibility, the serde.
 */
class RegistryContractIntegrationTests {

	private final TestInfrastructure infrastructure = TestInfrastructure.get();

	private final SchemaRegistrar registrar = new SchemaRegistrar(this.infrastructure.confluentCompatibleRegistryUrl());

	/** One record per topic, from the reference story. */
	static Stream<Sample> samples() {
		UUID applicationId = UUID.randomUUID();
		return Stream.of(
				new Sample(Topics.APPLICATION_RECEIVED, SampleEvents.applicationReceived(applicationId).build()),
				new Sample(Topics.MEMBER_APPROVED, SampleEvents.memberApproved(applicationId).build()),
				new Sample(Topics.APPLICATION_REJECTED, SampleEvents.applicationRejected(applicationId).build()),
				new Sample(Topics.MEMBERSHIP_EFFECTIVE, SampleEvents.membershipEffective(applicationId).build()),
				new Sample(Topics.ANNOUNCEMENT_PUBLISHED, SampleEvents.announcementPublished(applicationId).build()));
	}

	record Sample(String topic, SpecificRecord event) {

		@Override
		public String toString() {
			return this.event.getSchema().getName();
		}

	}

	@Test
	void theRegistryHoldsEverySubjectWithBackwardTransitiveCompatibility() {
		List<String> subjects = this.registrar.subjects();
		for (EventTopic topic : Topics.ALL) {
			assertThat(subjects).contains(topic.valueSubject());
			assertThat(this.registrar.compatibility(topic.valueSubject())).isEqualTo("BACKWARD_TRANSITIVE");
		}
	}

	@ParameterizedTest
	@MethodSource("samples")
	void aRecordSurvivesTheRoundTripThroughTheApicurioSerdeInConfluentWireFormat(Sample sample) throws Exception {
		try (var serializer = new AvroKafkaSerializer<Object>();
				var deserializer = new AvroKafkaDeserializer<Object>()) {
			// as every producer of the system: self-contained schemas, registered
			// beforehand
			serializer.configure(Map.of(SerdeConfig.REGISTRY_URL, this.infrastructure.registryUrl(),
					SerdeConfig.AUTO_REGISTER_ARTIFACT, false, SerdeConfig.FIND_LATEST_ARTIFACT, true), false);
			deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, this.infrastructure.registryUrl(),
					AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);

			byte[] bytes = serializer.serialize(sample.topic(), sample.event());

			ByteBuffer wire = ByteBuffer.wrap(bytes);
			assertThat(wire.get()).as("magic byte").isZero();
			int schemaId = wire.getInt();
			// a Confluent client resolves the id through the Confluent-compatible API
			Schema registered = new Schema.Parser().parse(confluentSchemaById(schemaId));
			assertThat(registered).isEqualTo(sample.event().getSchema());
			assertThat(deserializer.deserialize(sample.topic(), bytes)).isEqualTo(sample.event());
		}
	}

	@Test
	void aNewVersionWithAnOptionalFieldIsAcceptedAndOneWithARequiredFieldIsRejected() {
		String subject = "compatibility-check-" + UUID.randomUUID() + "-value";
		Schema v1 = MemberApproved.getClassSchema();
		int v1Id = this.registrar.register(subject, v1);

		Schema withOptionalField = withExtraField(v1,
				SchemaBuilder.builder().unionOf().nullType().and().stringType().endUnion(), true);
		assertThat(this.registrar.register(subject, withOptionalField)).isNotEqualTo(v1Id);

		Schema withRequiredField = withExtraField(v1, SchemaBuilder.builder().stringType(), false);
		assertThatExceptionOfType(SchemaRegistrar.IncompatibleSchemaException.class)
			.isThrownBy(() -> this.registrar.register(subject, withRequiredField));
		assertThat(this.registrar.compatibility(subject)).isEqualTo("BACKWARD_TRANSITIVE");
	}

	@Test
	void registeringTheContractAgainChangesNothing() {
		Map<String, Integer> first = this.registrar.registerContract();
		assertThat(this.registrar.registerContract()).isEqualTo(first);
	}

	private static Schema withExtraField(Schema schema, Schema type, boolean optional) {
		List<Schema.Field> fields = new ArrayList<>();
		for (Schema.Field field : schema.getFields()) {
			fields.add(new Schema.Field(field, field.schema()));
		}
		fields.add(optional ? new Schema.Field("region", type, "Region of the seat.", Schema.Field.NULL_DEFAULT_VALUE)
				: new Schema.Field("region", type, "Region of the seat."));
		return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
	}

	private String confluentSchemaById(int id) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(this.infrastructure.confluentCompatibleRegistryUrl() + "/schemas/ids/" + id))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body()).get("schema").asString();
	}

}
