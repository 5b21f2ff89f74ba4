package org.membership.support.outbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxDefaultsTests {

	@Test
	void everyStalenessDurationAndTheResubmissionAgeAreAboveTheLongestSend() {
		Duration longestSend = Duration.ofMillis(milliseconds("spring.kafka.producer.properties.max.block.ms")
				+ milliseconds("spring.kafka.producer.properties.delivery.timeout.ms"));

		for (String state : new String[] { "published", "processing", "resubmission" }) {
			assertThat(DurationStyle
				.detectAndParse((String) OutboxDefaults.DEFAULTS.get("spring.modulith.events.staleness." + state)))
				.as(state)
				.isGreaterThan(longestSend);
		}
		assertThat(new OutboxProperties(Duration.ofSeconds(30), Duration.ofMinutes(1)).resubmitOlderThan())
			.isGreaterThan(longestSend);
	}

	@Test
	void theOutboxSendsOnMoreThreadsThanSpringBootsEightWithABoundedQueue() {
		StandardEnvironment environment = new StandardEnvironment();

		OutboxDefaults.addTo(environment);

		TaskExecutionProperties.Pool pool = Binder.get(environment)
			.bind("spring.task.execution", TaskExecutionProperties.class)
			.get()
			.getPool();
		TaskExecutionProperties.Pool bootsDefaults = new TaskExecutionProperties().getPool();
		assertThat(pool.getCoreSize()).isGreaterThan(bootsDefaults.getCoreSize());
		assertThat(pool.getMaxSize()).isGreaterThanOrEqualTo(pool.getCoreSize());
		assertThat(pool.getQueueCapacity()).isPositive().isLessThan(bootsDefaults.getQueueCapacity());
	}

	@Test
	void aServiceWithoutTheKafkaExternalizationGetsNoDefaults() {
		StandardEnvironment environment = new StandardEnvironment();

		new OutboxDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.producer.acks")).isNull();
	}

	@Test
	void everyOtherPropertySourceWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml",
					Map.of("spring.modulith.events.completion-mode", "archive")));

		OutboxDefaults.addTo(environment);

		assertThat(environment.getProperty("spring.modulith.events.completion-mode")).isEqualTo("archive");
		assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
		assertThat(environment.getProperty("spring.modulith.events.kafka.enable-json")).isEqualTo("false");
	}

	@Test
	void theApplicationsOwnDefaultPropertiesWin() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaultProperties",
					Map.of("spring.modulith.events.staleness.published", "9m")));

		OutboxDefaults.addTo(environment);

		assertThat(environment.getProperty("spring.modulith.events.staleness.published")).isEqualTo("9m");
		assertThat(environment.getProperty("spring.modulith.events.staleness.processing")).isEqualTo("5m");
	}

	private static long milliseconds(String property) {
		return Long.parseLong((String) OutboxDefaults.DEFAULTS.get(property));
	}

}
