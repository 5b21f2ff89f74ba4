package org.membership.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract never breaks a downstream reader: every schema reads what any released
 * version of its subject wrote (BACKWARD_TRANSITIVE, as the registry enforces), and every
 * schema in use has been released. Released versions live in {@code src/released}.
 */
class ReleasedSchemasTests {

	static final List<EventTopic> TOPICS = Topics.ALL;

	private static final Path RELEASED = Path.of("src/released");

	@ParameterizedTest
	@FieldSource("TOPICS")
	void everySchemaReadsWhatEveryReleasedVersionWrote(EventTopic topic) throws IOException {
		List<Path> versions = releasedVersions(topic);
		assertThat(versions).as("released versions of %s", topic.valueSubject()).isNotEmpty();
		for (Path version : versions) {
			Schema released = new Schema.Parser().parse(version.toFile());
			assertThat(incompatibilities(topic.schema(), released))
				.as("%s cannot read data written with %s", topic.valueSubject(), RELEASED.relativize(version))
				.isEmpty();
		}
	}

	@ParameterizedTest
	@FieldSource("TOPICS")
	void everySchemaInUseIsTheNewestReleasedVersion(EventTopic topic) throws IOException {
		List<Path> versions = releasedVersions(topic);
		Path newest = versions.get(versions.size() - 1);
		Schema released = new Schema.Parser().parse(newest.toFile());
		assertThat(topic.schema())
			.as("%s changed since %s: add it as v%d.avsc beside it", topic.valueSubject(), newest.getFileName(),
					versions.size() + 1)
			.isEqualTo(released);
	}

	@Test
	void aNewRequiredFieldIsCaughtAsIncompatible() {
		Schema released = MemberApproved.getClassSchema();
		String withRequiredField = released.toString()
			.replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"region\",\"type\":\"string\",\"doc\":\"x\"},");
		Schema changed = new Schema.Parser().parse(withRequiredField);

		assertThat(incompatibilities(changed, released)).isNotEmpty();
	}

	@Test
	void aNewOptionalFieldWithDefaultIsCompatible() {
		Schema released = MemberApproved.getClassSchema();
		String withOptionalField = released.toString()
			.replaceFirst("\"fields\":\\[",
					"\"fields\":[{\"name\":\"region\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"},");
		Schema changed = new Schema.Parser().parse(withOptionalField);

		assertThat(incompatibilities(changed, released)).isEmpty();
	}

	private static List<String> incompatibilities(Schema reader, Schema writer) {
		var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
		if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
			return List.of();
		}
		return result.getIncompatibilities()
			.stream()
			.map((incompatibility) -> incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
					+ incompatibility.getMessage())
			.toList();
	}

	private static List<Path> releasedVersions(EventTopic topic) throws IOException {
		Path subject = RELEASED.resolve(topic.valueSubject());
		if (!Files.isDirectory(subject)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(subject)) {
			return files.filter((file) -> file.getFileName().toString().matches("v\\d+\\.avsc"))
				.sorted(Comparator.comparingInt(ReleasedSchemasTests::versionNumber))
				.toList();
		}
	}

	private static int versionNumber(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
	}

}
