package org.membership.support.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class OriginalValueDeserializerTests {

	private static final byte[] WIRE_FORMAT = ByteBuffer.allocate(1 + 4 + 3)
		.put((byte) 0)
		.putInt(987_654_321)
		.put(new byte[] { 1, 2, 3 })
		.array();

	@Test
	void keepsTheBytesARecordArrivedWith() {
		Headers headers = new RecordHeaders();
		OriginalValueDeserializer<String> deserializer = new OriginalValueDeserializer<>(
				(topic, data) -> new String(data, StandardCharsets.UTF_8));

		String value = deserializer.deserialize("t", headers, "hello".getBytes(StandardCharsets.UTF_8));

		assertThat(value).isEqualTo("hello");
		assertThat(headers.lastHeader(DeadLetterHeaders.ORIGINAL_VALUE).value())
			.isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
		assertThat(headers.lastHeader(DeadLetterHeaders.ERROR_CLASS)).isNull();
	}

	@Test
	void recordsTheRootCauseEvenWhenTheExceptionCannotBeSerialized() {
		Headers headers = new RecordHeaders();
		ErrorHandlingDeserializer<Object> deserializer = new ErrorHandlingDeserializer<>(
				new OriginalValueDeserializer<>(new FailingDeserializer()));
		deserializer.configure(Map.of(), false);

		Object value = deserializer.deserialize("onboarding.membership-effective", headers, WIRE_FORMAT);

		assertThat(value).isNull();
		// what Spring Kafka keeps of it: the cause is lost
		DeserializationException kept = SerializationUtils.byteArrayToDeserializationException(null,
				headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER));
		assertThat(kept.getCause()).hasMessageContaining("Could not serialize");
		// what the dead letter will say
		assertThat(ReadableError.from(headers)).contains(new ReadableError(UnserializableFailure.class.getName(),
				"The value on onboarding.membership-effective (schema id 987654321) could not be read: "
						+ "no schema with id 987654321"));
		assertThat(headers.lastHeader(DeadLetterHeaders.ORIGINAL_VALUE).value()).isEqualTo(WIRE_FORMAT);
	}

	@Test
	void saysWhenTheBytesAreNotInTheConfluentWireFormat() {
		assertThat(OriginalValueDeserializer.context("t", "not Avro".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("The value on t is not Avro in the Confluent wire format (magic byte 0, 4-byte schema id)");
		assertThat(OriginalValueDeserializer.context("t", new byte[] { 0, 0 }))
			.startsWith("The value on t is not Avro");
		assertThat(OriginalValueDeserializer.context("t", WIRE_FORMAT))
			.isEqualTo("The value on t (schema id 987654321) could not be read");
	}

	/** Fails as a registry client does: with a cause that cannot be serialized. */
	private static final class FailingDeserializer implements Deserializer<Object> {

		@Override
		public Object deserialize(String topic, byte[] data) {
			throw new RuntimeException(new UnserializableFailure("no schema with id 987654321"));
		}

	}

	private static final class UnserializableFailure extends RuntimeException {

		@SuppressWarnings({ "unused", "serial" })
		private final Object response = new Object();

		UnserializableFailure(String message) {
			super(message);
		}

	}

}
