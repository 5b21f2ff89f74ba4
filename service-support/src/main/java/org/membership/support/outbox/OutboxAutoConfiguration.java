package org.membership.support.outbox;

import javax.sql.DataSource;

import org.membership.support.ApplicationName;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.StringUtils;

/**
 * The transactional outbox's relay, for every service that publishes through Spring
 * Modulith's JDBC event publication registry: resubmits what a broker outage or a crash
 * left incomplete ({@link OutboxRelay}), measures what waits ({@link OutboxMetrics}) and
 * refuses an event column too small for a large event ({@link EventColumnCheck}), and
 * connects its producer when the service is ready ({@link ProducerWarmUp}). The settings
 * it relies on are {@link OutboxDefaults}. Scheduling is enabled here because both the
 * relay and Spring Modulith's staleness monitor need it.
 */
@AutoConfiguration(afterName = { "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnClass(name = { "org.springframework.modulith.events.IncompleteEventPublications",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationRepositoryV2" })
@ConditionalOnBean({ IncompleteEventPublications.class, JdbcOperations.class })
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(IncompleteEventPublications incomplete, OutboxProperties properties) {
		return new OutboxRelay(incomplete, properties);
	}

	@Bean
	OutboxMetrics outboxMetrics(Environment environment, JdbcOperations jdbc) {
		String schema = schema(environment);
		String table = (schema != null) ? schema + ".event_publication" : "event_publication";
		return new OutboxMetrics(ApplicationName.of(environment), jdbc, table);
	}

	@Bean
	@ConditionalOnBean(KafkaTemplate.class)
	ProducerWarmUp outboxProducerWarmUp(KafkaTemplate<?, ?> template) {
		return new ProducerWarmUp(template);
	}

	@Bean
	EventColumnCheck outboxEventColumnCheck(DataSource dataSource, Environment environment) {
		return new EventColumnCheck(dataSource, schema(environment));
	}

	/** Where Spring Modulith looks for its table, or null for the connection's schema. */
	private static String schema(Environment environment) {
		String schema = environment.getProperty("spring.modulith.events.jdbc.schema");
		return StringUtils.hasText(schema) ? schema : null;
	}

}
