package org.membership.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.membership.events.EventTopic;
import org.membership.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a system outside the services sees: it knows nothing but the topic names and the
 * registry's Confluent-compatible API. It reads the Confluent wire format by hand (magic
 * byte, schema id, Avro binary) and decodes with the schema fetched by id, as Confluent
 * clients in any language do. No generated class, no Apicurio library.
 */
final class DownstreamConsumer implements AutoCloseable {

	/**
	 * One record as a downstream system decodes it.
	 *
	 * @param traceparent the record's W3C trace context header, or null
	 */
	record Event(String topic, String key, int schemaId, GenericRecord value, String traceparent) {

		String type() {
			return this.value.getSchema().getName();
		}

		String field(String name) {
			Object value = this.value.get(name);
			return (value != null) ? value.toString() : null;
		}

	}

	private final KafkaConsumer<String, byte[]> consumer;

	private final String confluentCompatibleUrl;

	private final Map<Integer, Schema> schemas = new HashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	/** Every topic of the contract. */
	static final List<String> TOPICS = Topics.ALL.stream().map(EventTopic::name).toList();

	/** Reads every topic of the contract from its beginning. */
	DownstreamConsumer(String bootstrapServers, String confluentCompatibleUrl) {
		this.confluentCompatibleUrl = confluentCompatibleUrl;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : TOPICS) {
			this.consumer.partitionsFor(topic)
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** The records that arrived since the last call, decoded. */
	List<Event> poll() {
		List<Event> events = new ArrayList<>();
		this.consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
			ByteBuffer wire = ByteBuffer.wrap(record.value());
			if (wire.get() != 0) {
				throw new IllegalStateException("Not the Confluent wire format: " + record);
			}
			int id = wire.getInt();
			Schema schema = this.schemas.computeIfAbsent(id, this::fetchSchema);
			try {
				GenericRecord value = new GenericDatumReader<GenericRecord>(schema).read(null,
						DecoderFactory.get().binaryDecoder(record.value(), wire.position(), wire.remaining(), null));
				Header traceparent = record.headers().lastHeader("traceparent");
				events.add(new Event(record.topic(), record.key(), id, value,
						(traceparent != null) ? new String(traceparent.value(), StandardCharsets.UTF_8) : null));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Undecodable record " + record, ex);
			}
		});
		return events;
	}

	private Schema fetchSchema(int id) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.confluentCompatibleUrl + "/schemas/ids/" + id)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Schema " + id + ": HTTP " + response.statusCode());
			}
			return new Schema.Parser()
				.parse(JsonMapper.builder().build().readTree(response.body()).get("schema").asString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
