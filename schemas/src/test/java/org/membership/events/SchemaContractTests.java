package org.membership.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's rules for its schemas (every field documented, the common fields, null
 * first optional fields, enums with a fallback, topic names, a dead-letter topic per
 * consumer), checked on every record.
 */
class SchemaContractTests {

	static Stream<EventTopic> topics() {
		return Topics.ALL.stream();
	}

	@ParameterizedTest
	@MethodSource("topics")
	void theAvscFileInTheJarParsesToTheGeneratedSchema(EventTopic topic) throws IOException {
		Schema.Parser parser = new Schema.Parser();
		for (String common : List.of("OrganisationType", "Organisation", "Contact", "Statement", "WithdrawnBy")) {
			parse(parser, "/avro/common/" + common + ".avsc");
		}
		Schema parsed = parse(parser, "/avro/" + topic.schema().getName() + ".avsc");
		// canonical forms: the generated schema carries "avro.java.string" hints
		assertThat(SchemaNormalization.toParsingForm(parsed))
			.isEqualTo(SchemaNormalization.toParsingForm(topic.schema()));
		assertThat(parsed.getDoc()).isEqualTo(topic.schema().getDoc());
	}

	@ParameterizedTest
	@MethodSource("topics")
	void everyRecordFieldAndEnumIsDocumented(EventTopic topic) {
		List<String> undocumented = new ArrayList<>();
		collectUndocumented(topic.schema(), new HashSet<>(), undocumented);
		assertThat(undocumented).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("topics")
	void carriesTheCommonFieldsWithTheirLogicalTypes(EventTopic topic) {
		Schema schema = topic.schema();
		assertThat(schema.getNamespace()).isEqualTo("org.membership.events");
		assertThat(schema.getField("eventId").schema().getLogicalType()).isEqualTo(LogicalTypes.uuid());
		assertThat(schema.getField("applicationId").schema().getLogicalType()).isEqualTo(LogicalTypes.uuid());
		assertThat(schema.getField("occurredAt").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
		assertThat(schema.getField("applicationVersion").schema().getType()).isEqualTo(Schema.Type.LONG);
		assertThat(schema.getField("correlationId").schema().getType()).isEqualTo(Schema.Type.STRING);
	}

	@ParameterizedTest
	@MethodSource("topics")
	void optionalFieldsAreNullFirstUnionsWithANullDefault(EventTopic topic) {
		List<Field> unions = new ArrayList<>();
		collectUnionFields(topic.schema(), new HashSet<>(), unions);
		assertThat(unions).allSatisfy((field) -> {
			assertThat(field.schema().getTypes()).hasSize(2);
			assertThat(field.schema().getTypes().get(0).getType()).as(field.name()).isEqualTo(Schema.Type.NULL);
			assertThat(field.hasDefaultValue()).as(field.name()).isTrue();
			assertThat(field.defaultVal()).as(field.name()).isEqualTo(JsonProperties.NULL_VALUE);
		});
	}

	@Test
	void enumsAreUpperSnakeCaseWithAFallbackForUnknownSymbols() {
		Schema type = Organisation.getClassSchema().getField("type").schema();
		assertThat(type.getEnumSymbols()).allMatch((symbol) -> symbol.matches("[A-Z][A-Z0-9_]*"));
		assertThat(type.getEnumDefault()).isEqualTo("OTHER");
	}

	@Test
	void topicsFollowTheNamingRulesAndEachHasOneRecordType() {
		assertThat(Topics.ALL).extracting(EventTopic::name)
			.allMatch((name) -> name.matches("(onboarding|notification)\\.[a-z]+(-[a-z]+)*"))
			.doesNotHaveDuplicates();
		assertThat(Topics.ALL).extracting((topic) -> topic.schema().getFullName()).doesNotHaveDuplicates();
		assertThat(Topics.valueSubject(Topics.MEMBER_APPROVED)).isEqualTo("onboarding.member-approved-value");
	}

	@Test
	void eachConsumerOfATopicHasADeadLetterTopicOfItsOwn() {
		assertThat(Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE, Topics.DIRECTORY_SERVICE))
			.isEqualTo("onboarding.membership-effective.directory-service-dlt");
		assertThat(Topics.CONSUMER_GROUPS).extracting(ConsumerGroup::name)
			.containsExactly("directory-service", "notification-service");
		assertThat(Topics.CONSUMER_GROUPS).flatExtracting(ConsumerGroup::topics)
			.isSubsetOf(Topics.ALL.stream().map(EventTopic::name).toList());
		assertThat(Topics.deadLetterTopics()).doesNotHaveDuplicates()
			.contains("onboarding.membership-effective.directory-service-dlt",
					"onboarding.membership-effective.notification-service-dlt")
			.hasSize(10);
		assertThat(Topics.consumerGroup(Topics.NOTIFICATION_SERVICE).orElseThrow().deadLetterTopics()).containsExactly(
				"onboarding.application-received.notification-service-dlt",
				"onboarding.member-approved.notification-service-dlt",
				"onboarding.application-rejected.notification-service-dlt",
				"onboarding.membership-effective.notification-service-dlt",
				"onboarding.application-withdrawn.notification-service-dlt",
				"onboarding.effective-date-changed.notification-service-dlt");
		assertThat(Topics.consumerGroup("onboarding-service")).isEmpty();
	}

	private static Schema parse(Schema.Parser parser, String resource) throws IOException {
		try (InputStream in = SchemaContractTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return parser.parse(in);
		}
	}

	private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
		switch (schema.getType()) {
			case RECORD -> {
				if (!seen.add(schema.getFullName())) {
					return;
				}
				if (isBlank(schema.getDoc())) {
					undocumented.add(schema.getFullName());
				}
				for (Field field : schema.getFields()) {
					if (isBlank(field.doc())) {
						undocumented.add(schema.getName() + "." + field.name());
					}
					collectUndocumented(field.schema(), seen, undocumented);
				}
			}
			case ENUM -> {
				if (seen.add(schema.getFullName()) && isBlank(schema.getDoc())) {
					undocumented.add(schema.getFullName());
				}
			}
			case UNION -> schema.getTypes().forEach((type) -> collectUndocumented(type, seen, undocumented));
			case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
			default -> {
			}
		}
	}

	private static void collectUnionFields(Schema schema, Set<String> seen, List<Field> unions) {
		if (schema.getType() != Schema.Type.RECORD || !seen.add(schema.getFullName())) {
			return;
		}
		for (Field field : schema.getFields()) {
			if (field.schema().getType() == Schema.Type.UNION) {
				unions.add(field);
				field.schema().getTypes().forEach((type) -> collectUnionFields(type, seen, unions));
			}
			collectUnionFields(field.schema(), seen, unions);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
