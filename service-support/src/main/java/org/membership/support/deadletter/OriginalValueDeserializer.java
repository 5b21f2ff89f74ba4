package org.membership.support.deadletter;

import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Sits between Spring Kafka's {@code ErrorHandlingDeserializer} and the Avro
 * deserializer. It keeps the bytes a record arrived with (a header of the consumed
 * record, in memory only), so that a record that fails later in the listener is
 * dead-lettered exactly as it was written, with its original schema id, rather than
 * re-serialized with whatever schema this service knows. When the Avro deserializer
 * fails, it records the root cause as plain headers before the
 * {@code ErrorHandlingDeserializer} serializes the exception, which loses the cause when
 * it is not serializable (an unknown schema id).
 *
 * @param <T> the type of the values
 */
final class OriginalValueDeserializer<T> implements Deserializer<T> {

	private final Deserializer<T> delegate;

	OriginalValueDeserializer(Deserializer<T> delegate) {
		this.delegate = delegate;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.delegate.configure(configs, isKey);
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		return this.delegate.deserialize(topic, data);
	}

	@Override
	public T deserialize(String topic, Headers headers, byte[] data) {
		if (data != null) {
			headers.add(DeadLetterHeaders.ORIGINAL_VALUE, data);
		}
		try {
			return this.delegate.deserialize(topic, headers, data);
		}
		catch (RuntimeException ex) {
			ReadableError.of(ex).withContext(context(topic, data)).addTo(headers);
			throw ex;
		}
	}

	/** What could not be read, in the terms of the Confluent wire format. */
	static String context(String topic, byte[] data) {
		if (data == null || data.length < 5 || data[0] != 0) {
			return "The value on " + topic
					+ " is not Avro in the Confluent wire format (magic byte 0, 4-byte schema id)";
		}
		return "The value on " + topic + " (schema id " + ByteBuffer.wrap(data, 1, 4).getInt() + ") could not be read";
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
