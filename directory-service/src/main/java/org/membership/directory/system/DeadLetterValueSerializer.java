package org.membership.directory.system;

import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.membership.events.Topics;

/**
 * Value serializer of the one producer this service has, which writes dead letters and
 * replays them. Bytes pass through unchanged: the original bytes of a record that could
 * not be deserialized (Spring Kafka puts them in a header), and a dead letter replayed to
 * its topic. A record that was deserialized and then failed (validation, database) is
 * written in the wire format of its original topic, with the schema of the original
 * subject ({@code <topic>-value}, not {@code <topic>-dlt-value}, which the registry does
 * not hold), so that replaying its bytes to the original topic gives the original record.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

	private final AvroKafkaSerializer<SpecificRecord> avro = new AvroKafkaSerializer<>();

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.avro.configure(configs, isKey);
	}

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof SpecificRecord record) {
			return this.avro.serialize(originalTopic(topic), record);
		}
		throw new SerializationException("Cannot write a " + data.getClass().getName() + " to " + topic);
	}

	private static String originalTopic(String topic) {
		return topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
				? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()) : topic;
	}

	@Override
	public void close() {
		this.avro.close();
	}

}
