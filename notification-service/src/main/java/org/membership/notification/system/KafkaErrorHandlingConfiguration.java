package org.membership.notification.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.membership.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener error handling as beans: bounded exponential back-off, then the record goes to
 * {@code <topic>-dlt} with the error in its headers, so a poison record never stalls a
 * partition. Boot wires the {@link DefaultErrorHandler} bean into its listener container
 * factory.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandlingConfiguration {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties properties) {
		// a record that could not be deserialised is forwarded as the bytes it came as;
		// the Avro serializer cannot write those
		Map<String, Object> bytesConfig = new LinkedHashMap<>(properties.buildProducerProperties());
		bytesConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		KafkaTemplate<Object, Object> bytesTemplate = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(bytesConfig));
		// a record that failed in the listener goes as Avro, with the original topic's
		// schema
		Map<String, Object> avroConfig = new LinkedHashMap<>(properties.buildProducerProperties());
		avroConfig.put("apicurio.registry.artifact-resolver-strategy", DeadLetterTopicIdStrategy.class.getName());
		KafkaTemplate<Object, Object> avroTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(avroConfig));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, bytesTemplate);
		templates.put(Object.class, avroTemplate);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.deadLetterTopic(record.topic()), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(5_000);
		backOff.setMaxElapsedTime(20_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(InvalidEventException.class, DeserializationException.class);
		return handler;
	}

}
