package org.membership.support.outbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.membership.support.DefaultSettings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The outbox's settings, once for every service that publishes through Spring Modulith's
 * Kafka externalization, as {@link DefaultSettings}: anything a service sets overrides
 * each of them. Why each value:
 * <ul>
 * <li>Avro values through the configured serializer, not Spring Kafka's JSON converter
 * (which would break them);</li>
 * <li>a completed publication is deleted, so the table holds only what is still to send
 * (no clean-up job; Kafka keeps what was sent);</li>
 * <li>the table is the services' own (Flyway), never created by Spring Modulith;</li>
 * <li>a publication stuck in a state (a crash mid-send) is marked failed, hence sent
 * again: every staleness duration set (Spring Modulith 2.0.3 treats a missing one as zero
 * and fails everything in that state at once), all well above the longest send;</li>
 * <li>a producer that loses nothing (every in-sync replica, idempotent retries) and fails
 * a send within seconds during an outage instead of blocking a minute: the outbox retries
 * it. The longest send is {@code max.block.ms} + {@code delivery.timeout.ms} = 35 s.</li>
 * <li>32 threads to send (Spring Boot's task executor, which runs the asynchronous
 * externalization): each waits on its own send until the broker acknowledges it (Spring's
 * {@code @Async} interceptor blocks on the future the send returns), so the pool is the
 * number of sends in flight. Boot's 8 capped the outbox at about 250 events/s on two
 * cores, while the producer could batch many more (issue 12). The queue is bounded: a
 * publication it refuses stays in the table, and the relay sends it.</li>
 * </ul>
 */
class OutboxDefaults implements EnvironmentPostProcessor {

	static final String KAFKA_EXTERNALIZATION = "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration";

	static final Map<String, Object> DEFAULTS = defaults();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ClassUtils.isPresent(KAFKA_EXTERNALIZATION, application.getClassLoader())) {
			addTo(environment);
		}
	}

	static void addTo(ConfigurableEnvironment environment) {
		DefaultSettings.addTo(environment, DEFAULTS);
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.modulith.events.kafka.enable-json", "false");
		defaults.put("spring.modulith.events.completion-mode", "delete");
		defaults.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
		defaults.put("spring.modulith.events.jdbc.schema-initialization.enabled", "false");
		defaults.put("spring.modulith.events.staleness.check-intervall", "1m");
		defaults.put("spring.modulith.events.staleness.published", "5m");
		defaults.put("spring.modulith.events.staleness.processing", "5m");
		defaults.put("spring.modulith.events.staleness.resubmission", "5m");
		defaults.put("spring.task.execution.pool.core-size", "32");
		defaults.put("spring.task.execution.pool.max-size", "32");
		defaults.put("spring.task.execution.pool.queue-capacity", "10000");
		defaults.put("spring.kafka.producer.acks", "all");
		defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
		defaults.put("spring.kafka.producer.properties.max.block.ms", "5000");
		defaults.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
		defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
		return Collections.unmodifiableMap(defaults);
	}

}
