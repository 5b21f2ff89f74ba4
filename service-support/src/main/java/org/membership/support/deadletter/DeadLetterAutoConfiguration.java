package org.membership.support.deadletter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.membership.events.ConsumerGroup;
import org.membership.events.Topics;
import org.membership.support.ApplicationName;
import org.membership.support.security.StaffOnlyApi;
import org.membership.support.security.StaffPages;
import org.membership.support.web.Site;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters per consumer, for every service the contract names as a consumer group
 * ({@link Topics#CONSUMER_GROUPS}; the group is {@code spring.application.name}):
 * <ul>
 * <li>values are read by an {@code ErrorHandlingDeserializer} around the Apicurio Avro
 * deserializer (generated classes), so bytes that are not a readable event reach the
 * error handler instead of stalling the partition;</li>
 * <li>the error handler retries a failing record with a bounded exponential back-off
 * ({@code membership.dead-letters.retry.*}), except {@link InvalidEventException} and
 * unreadable bytes, then publishes it to {@code <topic>.<consumer-group>-dlt}, same
 * partition, original bytes, the root cause in plain headers;</li>
 * <li>{@code GET /api/dead-letters} and {@code POST
 * /api/dead-letters/{topic}/{partition}/{offset}/replay} let staff (STAFF only, whatever
 * the service's security rules) list this service's dead letters and reprocess one in
 * this service only; replays are recorded in the table {@code dead_letter_replay}, whose
 * migration joins the service's Flyway locations;</li>
 * <li>on a service that renders pages, the same as a staff page,
 * {@code /staff/dead-letters}, behind the form login.</li>
 * </ul>
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({ KafkaTemplate.class, AvroKafkaDeserializer.class })
@Conditional(OnContractConsumerCondition.class)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

	/** Where the migration of the replay table is. */
	static final String MIGRATION_LOCATION = "classpath:db/membership-support/dead-letters";

	/** The consumers read the generated event classes, never generic records. */
	static final String SPECIFIC_AVRO_READER = "apicurio.registry.use-specific-avro-reader";

	@Bean
	ConsumerGroup deadLetterConsumerGroup(Environment environment) {
		String name = ApplicationName.of(environment);
		String groupId = environment.getProperty("spring.kafka.consumer.group-id");
		if (groupId != null && !groupId.equals(name)) {
			throw new IllegalStateException("spring.kafka.consumer.group-id is '" + groupId
					+ "', but the consumer group must be spring.application.name ('" + name
					+ "'): the dead-letter topics are named after it");
		}
		return Topics.consumerGroup(name).orElseThrow();
	}

	@Bean
	DeadLetterMetrics deadLetterMetrics(MeterRegistry registry, ConsumerGroup group) {
		return new DeadLetterMetrics(registry, group.name());
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer deadLetterValueDeserializer() {
		return (factory) -> {
			@SuppressWarnings("unchecked")
			DefaultKafkaConsumerFactory<Object, Object> consumers = (DefaultKafkaConsumerFactory<Object, Object>) factory;
			consumers.updateConfigs(Map.of(SPECIFIC_AVRO_READER, true));
			consumers.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(
					new OriginalValueDeserializer<>(new AvroKafkaDeserializer<>())));
		};
	}

	@Bean
	DeadLetterRecoverer deadLetterRecoverer(ProducerFactory<?, ?> producerFactory, ConsumerGroup group,
			DeadLetterMetrics metrics) {
		return new DeadLetterRecoverer(producerFactory.getConfigurationProperties(), group, metrics);
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(DeadLetterRecoverer recoverer, DeadLetterProperties properties) {
		DeadLetterProperties.Retry retry = properties.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		// unreadable bytes (DeserializationException) are not retried by default either
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

	@Bean
	DeadLetters deadLetters(ConsumerGroup group, ConsumerFactory<?, ?> consumerFactory,
			KafkaListenerEndpointRegistry listeners, DataSource dataSource,
			PlatformTransactionManager transactionManager, DeadLetterMetrics metrics, DeadLetterProperties properties,
			Clock clock) {
		Map<String, Object> consumerConfig = consumerFactory.getConfigurationProperties();
		return new DeadLetters(group,
				new DeadLetterReader(consumerConfig, group.name() + "-dead-letters", properties.readTimeout()),
				consumerConfig, new ListenerHandlers(listeners), new ReplayLog(dataSource),
				new TransactionTemplate(transactionManager), metrics, clock);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	DeadLetterController deadLetterController(DeadLetters deadLetters) {
		return new DeadLetterController(deadLetters);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	StaffOnlyApi deadLetterEndpoints() {
		// what a record held (personal data included) is for staff, whatever the API's
		// rules
		return StaffOnlyApi.paths(DeadLetterController.PATH + "/**");
	}

	/**
	 * The dead letters as a staff page, on a service that renders pages: STAFF only, and
	 * with it the form login on a service without a console of its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.thymeleaf.spring6.SpringTemplateEngine")
	static class PagesConfiguration {

		@Bean
		DeadLetterPages deadLetterPages(DeadLetters deadLetters, ConsumerGroup group) {
			return new DeadLetterPages(deadLetters, group);
		}

		@Bean
		StaffPages deadLetterStaffPages() {
			return StaffPages.paths(Site.DEAD_LETTERS_PAGE, Site.DEAD_LETTERS_PAGE, Site.DEAD_LETTERS_PAGE + "/**");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class })
	static class ReplayTableConfiguration {

		/**
		 * Adds the replay table's migration to the service's own locations: one schema
		 * history, one migration run, whatever versions the service's migrations have
		 * (the table's migration is repeatable).
		 */
		@Bean
		FlywayConfigurationCustomizer deadLetterReplayTableMigration() {
			return (configuration) -> {
				List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
				locations.add(new Location(MIGRATION_LOCATION));
				configuration.locations(locations.toArray(Location[]::new));
			};
		}

	}

}
