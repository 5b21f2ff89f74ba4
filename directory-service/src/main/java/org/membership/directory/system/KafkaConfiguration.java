package org.membership.directory.system;

import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.membership.directory.member.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Error handling declared as beans, in the style of the Spring Kafka samples: the
 * {@code ErrorHandlingDeserializer} (application.yml) turns bytes that cannot be read
 * into a {@code DeserializationException}; the {@link DefaultErrorHandler} retries other
 * failures with a bounded exponential back-off, then publishes the record to
 * {@code <topic>-dlt} (same partition) with the failure in its headers, and the partition
 * moves on. Deserialization failures and {@link InvalidEventException} are not retried:
 * another attempt would fail the same way. Boot's listener container factory picks the
 * error handler up.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/**
	 * The one producer of this service: it writes dead letters and replays them (see
	 * {@link DeadLetterValueSerializer}). It replaces Boot's default template.
	 */
	@Bean
	ProducerFactory<String, Object> producerFactory(KafkaProperties properties) {
		Map<String, Object> config = properties.buildProducerProperties();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class);
		return new DefaultKafkaProducerFactory<>(config);
	}

	@Bean
	KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
	}

	@Bean
	DefaultErrorHandler errorHandler(KafkaTemplate<String, Object> template, DirectoryProperties properties,
			DirectoryMetrics metrics) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template);
		DirectoryProperties.Retry retry = properties.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(new CountingRecoverer(deadLetters, metrics), backOff);
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

	/** Counts and logs each dead letter after it was published. */
	private record CountingRecoverer(DeadLetterPublishingRecoverer delegate,
			DirectoryMetrics metrics) implements ConsumerAwareRecordRecoverer {

		private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

		@Override
		public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
			this.delegate.accept(record, consumer, exception);
			this.metrics.deadLettered(record.topic());
			log.warn("Dead-lettered {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
					record.key(), rootMessage(exception));
		}

		private static String rootMessage(Throwable exception) {
			Throwable cause = exception;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			return cause.getClass().getSimpleName() + ": " + cause.getMessage();
		}

	}

}
