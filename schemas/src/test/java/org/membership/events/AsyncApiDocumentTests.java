package org.membership.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/asyncapi.yaml}, the document downstream systems read, says what the
 * contract is: every topic of {@link Topics} and every dead-letter topic of
 * {@link Topics#CONSUMER_GROUPS} is a channel at that address, carrying the Avro schema
 * of its record (the {@code .avsc} file, whose full name the message names), keyed by the
 * application id, in the Confluent wire format; each topic is sent by the service its
 * name starts with and received by exactly the consumer groups that read it; each
 * dead-letter topic is sent by its consumer. No channel describes a topic the contract
 * does not have, and no schema is left out.
 */
class AsyncApiDocumentTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Path AVRO = ROOT.resolve("schemas/src/main/avro");

	private static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";

	private static Map<String, Object> document;

	@BeforeAll
	static void read() throws IOException {
		try (Reader in = Files.newBufferedReader(ROOT.resolve("docs/asyncapi.yaml"))) {
			document = new Yaml().load(in);
		}
	}

	@Test
	void isAnAsyncApi3DocumentOfAKafkaServerWithTheRegistry() {
		assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
		Map<String, Object> servers = map(document, "servers");
		assertThat(servers).isNotEmpty();
		servers.values().forEach((server) -> {
			assertThat(map(server).get("protocol")).isEqualTo("kafka");
			Map<String, Object> kafka = map(map(server), "bindings", "kafka");
			assertThat((String) kafka.get("schemaRegistryUrl")).endsWith("/apis/ccompat/v7");
			assertThat(kafka.get("schemaRegistryVendor")).isEqualTo("apicurio");
		});
	}

	@Test
	void everyTopicIsAChannelWithItsRecordSchemaAndKey() throws IOException {
		for (EventTopic topic : Topics.ALL) {
			Map<String, Object> message = onlyMessage(channel(topic.name()));
			assertCarries(message, topic.schema(), topic.name());
		}
	}

	@Test
	void everyDeadLetterTopicIsAChannelWithTheRecordSchemaOfItsTopic() throws IOException {
		for (ConsumerGroup group : Topics.CONSUMER_GROUPS) {
			for (String topic : group.topics()) {
				String address = Topics.deadLetterTopic(topic, group.name());
				Map<String, Object> message = onlyMessage(channel(address));
				assertCarries(message, schemaOf(topic), address);
				assertThat(message).as(address + " names its error headers").containsKey("headers");
			}
		}
	}

	@Test
	void noChannelDescribesATopicTheContractDoesNotHave() {
		Set<String> expected = new HashSet<>(Topics.ALL.stream().map(EventTopic::name).toList());
		expected.addAll(Topics.deadLetterTopics());

		assertThat(map(document, "channels").values().stream().map((channel) -> map(channel).get("address")))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everySchemaIsDescribed() throws IOException {
		Set<String> referenced = new HashSet<>();
		map(document, "components", "messages").values()
			.forEach((message) -> referenced.add((String) map(map(message), "payload", "schema").get("$ref")));
		try (Stream<Path> files = Files.list(AVRO)) {
			List<String> records = files.filter((file) -> file.toString().endsWith(".avsc"))
				.map((file) -> "../schemas/src/main/avro/" + file.getFileName())
				.toList();
			assertThat(referenced).containsExactlyInAnyOrderElementsOf(records);
		}
	}

	@Test
	void eachTopicIsSentByItsServiceAndReceivedByTheGroupsThatReadIt() {
		for (EventTopic topic : Topics.ALL) {
			String publisher = topic.name().substring(0, topic.name().indexOf('.')) + "-service";
			assertThat(services(topic.name(), "send")).as("who sends " + topic.name()).containsExactly(publisher);
			List<String> readers = Topics.CONSUMER_GROUPS.stream()
				.filter((group) -> group.topics().contains(topic.name()))
				.map(ConsumerGroup::name)
				.toList();
			assertThat(services(topic.name(), "receive")).as("who receives " + topic.name())
				.containsExactlyInAnyOrderElementsOf(readers);
			assertThat(groupIds(topic.name())).as("the consumer groups of " + topic.name())
				.containsExactlyInAnyOrderElementsOf(readers);
		}
	}

	@Test
	void eachDeadLetterTopicIsSentByItsConsumer() {
		for (ConsumerGroup group : Topics.CONSUMER_GROUPS) {
			for (String topic : group.topics()) {
				String address = Topics.deadLetterTopic(topic, group.name());
				assertThat(services(address, "send")).as("who sends " + address).containsExactly(group.name());
			}
		}
	}

	/**
	 * The message is the record of {@code schema}: the {@code .avsc} it references is
	 * that schema, its name is the record's full name, and the key and the wire format
	 * are the contract's.
	 */
	private static void assertCarries(Map<String, Object> message, Schema schema, String address) throws IOException {
		Map<String, Object> payload = map(message, "payload");
		assertThat(payload.get("schemaFormat")).as(address).isEqualTo(AVRO_FORMAT);
		String file = (String) map(payload, "schema").get("$ref");
		assertThat(file).as(address).isEqualTo("../schemas/src/main/avro/" + schema.getName() + ".avsc");
		Schema described = parse(ROOT.resolve("docs").resolve(file).normalize());
		assertThat(described.getFullName()).as(address).isEqualTo(schema.getFullName());
		// the generated class's schema carries avro.java.string: compare the parsing
		// canonical forms
		assertThat(SchemaNormalization.toParsingForm(described)).as(address)
			.isEqualTo(SchemaNormalization.toParsingForm(schema));
		assertThat(message.get("name")).as(address).isEqualTo(schema.getFullName());
		Map<String, Object> kafka = map(message, "bindings", "kafka");
		assertThat(map(kafka, "key").get("type")).as(address + " key").isEqualTo("string");
		assertThat(kafka.get("schemaIdLocation")).as(address).isEqualTo("payload");
		assertThat(kafka.get("schemaIdPayloadEncoding")).as(address).isEqualTo("confluent");
	}

	private static Schema schemaOf(String topic) {
		return Topics.ALL.stream().filter((t) -> t.name().equals(topic)).findFirst().orElseThrow().schema();
	}

	/** A record's .avsc, with the shared named types it uses. */
	private static Schema parse(Path file) throws IOException {
		Schema.Parser parser = new Schema.Parser();
		for (String common : List.of("OrganisationType", "Organisation", "Contact", "Statement", "WithdrawnBy")) {
			parser.parse(AVRO.resolve("common/" + common + ".avsc").toFile());
		}
		return parser.parse(file.toFile());
	}

	private static Map<String, Object> channel(String address) {
		List<Object> channels = map(document, "channels").values()
			.stream()
			.filter((channel) -> address.equals(map(channel).get("address")))
			.toList();
		assertThat(channels).as("the channels at " + address).hasSize(1);
		return map(channels.get(0));
	}

	private static Map<String, Object> onlyMessage(Map<String, Object> channel) {
		Map<String, Object> messages = map(channel, "messages");
		assertThat(messages).as("the messages of " + channel.get("address")).hasSize(1);
		return map(messages.values().iterator().next());
	}

	/**
	 * The services (the tags) of the operations of {@code action} on the channel at
	 * {@code address}.
	 */
	private static List<String> services(String address, String action) {
		List<String> services = new ArrayList<>();
		for (Map<String, Object> operation : operations(address, action)) {
			List<Object> tags = list(operation.get("tags"));
			assertThat(tags).as("the service of an operation on " + address).hasSize(1);
			services.add((String) map(tags.get(0)).get("name"));
		}
		return services;
	}

	private static List<String> groupIds(String address) {
		List<String> groups = new ArrayList<>();
		for (Map<String, Object> operation : operations(address, "receive")) {
			for (Object group : list(map(operation, "bindings", "kafka", "groupId").get("enum"))) {
				groups.add((String) group);
			}
		}
		return groups;
	}

	private static List<Map<String, Object>> operations(String address, String action) {
		return map(document, "operations").values()
			.stream()
			.map(AsyncApiDocumentTests::map)
			.filter((operation) -> action.equals(operation.get("action")))
			.filter((operation) -> address.equals(map(operation, "channel").get("address")))
			.toList();
	}

	/** The map at {@code path} under {@code node}, following local {@code $ref}s. */
	private static Map<String, Object> map(Object node, String... path) {
		Map<String, Object> current = resolved(node);
		for (String key : path) {
			assertThat(current).as("has " + key).containsKey(key);
			current = resolved(current.get(key));
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> resolved(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		Map<String, Object> map = (Map<String, Object>) node;
		Object ref = map.get("$ref");
		if (ref instanceof String local && local.startsWith("#/")) {
			Object target = document;
			for (String key : local.substring(2).split("/")) {
				assertThat(target).as(local).isInstanceOf(Map.class);
				target = ((Map<String, Object>) target).get(key);
			}
			assertThat(target).as(local + " exists").isNotNull();
			return resolved(target);
		}
		return map;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

}
