package org.membership.support.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.membership.events.Topics;
import org.membership.support.association.AssociationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class,
				AssociationAutoConfiguration.class, DeadLetterAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.kafka.bootstrap-servers=127.0.0.1:9");

	@Test
	void aServiceThatConsumesNoTopicHasNoDeadLetters() {
		this.runner.withPropertyValues("spring.application.name=onboarding-service")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DefaultErrorHandler.class)
				.doesNotHaveBean(DeadLetters.class));
	}

	@Test
	void aConsumerReadsValuesThroughTheErrorHandlingDeserializerAndRetriesBoundedly() {
		this.runner
			.withPropertyValues("spring.application.name=directory-service",
					"spring.kafka.consumer.group-id=directory-service")
			.run((context) -> {
				assertThat(context).hasSingleBean(DefaultErrorHandler.class).hasSingleBean(DeadLetters.class);
				DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
				assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
				assertThat(consumers.getConfigurationProperties())
					.containsEntry(DeadLetterAutoConfiguration.SPECIFIC_AVRO_READER, true);
				assertThat(context.getBean(DeadLetterProperties.class).retry().maxRetries()).isEqualTo(4);
			});
	}

	@Test
	void theConsumerGroupMustBeTheApplicationsName() {
		this.runner
			.withPropertyValues("spring.application.name=notification-service",
					"spring.kafka.consumer.group-id=notifications")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("the consumer group must be spring.application.name ('notification-service')"));
	}

	@Test
	void theReplayTableJoinsTheServicesMigrationsAndAReplayIsRecordedOnce() {
		this.runner.withPropertyValues("spring.application.name=notification-service").run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(JdbcClient.create(dataSource)
				.sql("select count(*) from dead_letter_replay")
				.query(Integer.class)
				.single()).isZero();
			ReplayLog replays = new ReplayLog(dataSource);
			String topic = Topics.deadLetterTopic(Topics.MEMBER_APPROVED, Topics.NOTIFICATION_SERVICE);
			Address address = new Address(topic, 1, 17L);
			ReplayLog.Replay replay = new ReplayLog.Replay(Instant.parse("2023-01-01T08:30:00Z"), "staff");

			assertThat(replays.record(address, replay)).isTrue();
			assertThat(replays.record(address, new ReplayLog.Replay(Instant.now(), "someone else"))).isFalse();
			assertThat(replays.find(address)).contains(replay);
			assertThat(replays.find(new Address(topic, 1, 18L))).isEmpty();
			assertThat(replays.all(List.of(topic))).containsOnlyKeys(address);
		});
	}

}
