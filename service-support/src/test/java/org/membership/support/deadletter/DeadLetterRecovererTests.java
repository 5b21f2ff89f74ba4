package org.membership.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.membership.events.Topics;

import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterRecovererTests {

	private static final String KEY = "3f1c0a52-7d4e-4b39-9a55-8f2f1d6c9e10";

	private static final byte[] WRITTEN = { 0, 0, 0, 0, 7, 42, 43, 44 };

	private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
			new ByteArraySerializer());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DeadLetterRecoverer recoverer = new DeadLetterRecoverer(new MockProducers(this.producer),
			Topics.consumerGroup(Topics.DIRECTORY_SERVICE).orElseThrow(),
			new DeadLetterMetrics(this.meters, "directory-service"));

	@Test
	void aRecordTheListenerRejectedIsWrittenAsItsProducerWroteItWithItsRootCause() {
		ConsumerRecord<String, Object> record = new ConsumerRecord<>(Topics.MEMBERSHIP_EFFECTIVE, 2, 41L, KEY,
				new Object());
		// what the deserializer kept
		record.headers().add(DeadLetterHeaders.ORIGINAL_VALUE, WRITTEN);

		this.recoverer.accept(record, null, new ListenerExecutionFailedException("Listener method 'on' failed",
				new InvalidEventException("organisation.country 'Romania' is not an ISO 3166-1 alpha-2 code")));

		ProducerRecord<String, byte[]> dead = onlySent();
		assertThat(dead.topic()).isEqualTo("onboarding.membership-effective.directory-service-dlt");
		assertThat(dead.partition()).isEqualTo(2);
		assertThat(dead.key()).isEqualTo(KEY);
		assertThat(dead.value()).isEqualTo(WRITTEN);
		assertThat(dead.timestamp()).as("the time it is dead-lettered").isNull();
		assertThat(text(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(InvalidEventException.class.getName());
		assertThat(text(dead, DeadLetterHeaders.ERROR_MESSAGE))
			.isEqualTo("organisation.country 'Romania' is not an ISO 3166-1 alpha-2 code");
		assertThat(text(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.MEMBERSHIP_EFFECTIVE);
		assertThat(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_VALUE)).isNull();
		assertThat(this.meters.get("membership.directory.events.dead-lettered")
			.tag("topic", Topics.MEMBERSHIP_EFFECTIVE)
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void unreadableBytesAreWrittenUnchangedWithTheCauseTheDeserializerRecorded() {
		byte[] poison = "not Avro".getBytes(StandardCharsets.UTF_8);
		ErrorHandlingDeserializer<Object> deserializer = new ErrorHandlingDeserializer<>(
				new OriginalValueDeserializer<>((topic, data) -> {
					throw new IllegalStateException("artifact reference cannot be null");
				}));
		deserializer.configure(Map.of(), false);
		ConsumerRecord<String, Object> record = new ConsumerRecord<>(Topics.MEMBER_APPROVED, 0, 7L, KEY, null);
		deserializer.deserialize(Topics.MEMBER_APPROVED, record.headers(), poison);

		this.recoverer.accept(record, null, new ListenerExecutionFailedException("failed", SerializationUtils
			.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null)));

		ProducerRecord<String, byte[]> dead = onlySent();
		assertThat(dead.topic()).isEqualTo("onboarding.member-approved.directory-service-dlt");
		assertThat(dead.value()).isEqualTo(poison);
		assertThat(dead.headers().headers(DeadLetterHeaders.ERROR_CLASS)).hasSize(1);
		assertThat(text(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
		assertThat(text(dead, DeadLetterHeaders.ERROR_MESSAGE))
			.isEqualTo("The value on onboarding.member-approved is not Avro in the Confluent wire format "
					+ "(magic byte 0, 4-byte schema id): artifact reference cannot be null");
		assertThat(dead.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).isNull();
	}

	private ProducerRecord<String, byte[]> onlySent() {
		List<ProducerRecord<String, byte[]>> sent = this.producer.history();
		assertThat(sent).hasSize(1);
		return sent.get(0);
	}

	private static String text(ProducerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** One mock producer, and settings for the recoverer's send time-out. */
	private record MockProducers(MockProducer<String, byte[]> producer) implements ProducerFactory<String, byte[]> {

		@Override
		public Producer<String, byte[]> createProducer() {
			return this.producer;
		}

		@Override
		public Map<String, Object> getConfigurationProperties() {
			return Map.of();
		}

	}

}
