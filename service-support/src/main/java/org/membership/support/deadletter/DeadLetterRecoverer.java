package org.membership.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.membership.events.ConsumerGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record that failed for the last time to this consumer's dead-letter topic:
 * its key and the bytes it arrived with, unchanged (so a dead letter is exactly what the
 * producer wrote, schema id included), Spring Kafka's {@code kafka_dlt-*} headers, and
 * the root cause as plain strings ({@link DeadLetterHeaders}). The record's timestamp is
 * the time it was dead-lettered; the original one is in
 * {@code kafka_dlt-original-timestamp}. Then it counts and logs the dead letter. Its
 * producer is its own (raw bytes), so that the service's own Kafka template keeps Boot's
 * configuration.
 */
class DeadLetterRecoverer extends DeadLetterPublishingRecoverer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	private final ProducerFactory<String, byte[]> producers;

	private final DeadLetterMetrics metrics;

	/**
	 * @param producerConfig the service's producer settings (broker, acks, idempotence);
	 * the serializers are this class's own
	 */
	DeadLetterRecoverer(Map<String, Object> producerConfig, ConsumerGroup group, DeadLetterMetrics metrics) {
		this(new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(), new ByteArraySerializer()),
				group, metrics);
	}

	DeadLetterRecoverer(ProducerFactory<String, byte[]> producers, ConsumerGroup group, DeadLetterMetrics metrics) {
		super(new KafkaTemplate<>(producers), new DeadLetterDestination(group));
		this.producers = producers;
		this.metrics = metrics;
		setHeadersFunction(DeadLetterRecoverer::readableError);
	}

	/**
	 * The root cause as headers, unless the deserializer recorded it already (the
	 * exception that reaches this point then no longer carries it).
	 */
	static Headers readableError(ConsumerRecord<?, ?> record, Exception exception) {
		Headers headers = new RecordHeaders();
		if (record.headers().lastHeader(DeadLetterHeaders.ERROR_CLASS) == null) {
			ReadableError.of(exception).addTo(headers);
		}
		return headers;
	}

	@Override
	protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
			TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
		Header original = headers.lastHeader(DeadLetterHeaders.ORIGINAL_VALUE);
		headers.remove(DeadLetterHeaders.ORIGINAL_VALUE);
		byte[] bytes = (original != null) ? original.value() : value;
		if (bytes == null && record.value() instanceof byte[] raw) {
			bytes = raw;
		}
		if (bytes == null && record.value() != null) {
			throw new IllegalStateException("The bytes of " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " were not kept: the value deserializer is not the one service-support sets");
		}
		Object recordKey = (key != null) ? new String(key, StandardCharsets.UTF_8) : record.key();
		return new ProducerRecord<>(topicPartition.topic(),
				(topicPartition.partition() < 0) ? null : topicPartition.partition(), recordKey, bytes, headers);
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		super.accept(record, consumer, exception);
		this.metrics.deadLettered(record.topic());
		ReadableError error = ReadableError.from(record.headers()).orElseGet(() -> ReadableError.of(exception));
		logger.warn("Dead-lettered {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
				record.key(), error.summary());
	}

	@Override
	public void destroy() throws Exception {
		if (this.producers instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

}
