package org.membership.support.outbox;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
		.withPropertyValues("spring.application.name=notification-service");

	@Test
	void theRelayKeepsRunningWhileEveryResubmissionFails() {
		this.runner.withUserConfiguration(Registry.class)
			.withPropertyValues("membership.outbox.resubmit-interval=50ms", "membership.outbox.resubmit-older-than=2m")
			.run((context) -> {
				FailingPublications publications = context.getBean(FailingPublications.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> publications.calls.size() >= 3);
				assertThat(publications.calls).allSatisfy((olderThan) -> assertThat(olderThan).hasMinutes(2));
			});
	}

	@Test
	void theGaugeIsNamedAfterTheService() {
		this.runner.withUserConfiguration(Registry.class).run((context) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBean(OutboxMetrics.class).bindTo(meters);
			assertThat(meters.find("membership.notification.outbox.waiting").gauge()).isNotNull();
		});
	}

	@Test
	void theSettingsHaveDefaults() {
		this.runner.withUserConfiguration(Registry.class).run((context) -> {
			OutboxProperties properties = context.getBean(OutboxProperties.class);
			assertThat(properties.resubmitInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.resubmitOlderThan()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void aServiceWithoutTheRegistryGetsNoRelay() {
		this.runner.withUserConfiguration(Database.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(OutboxMetrics.class));
	}

	@Test
	void aServiceWithoutSpringModulithGetsNoRelay() {
		this.runner.withUserConfiguration(Registry.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.modulith.events.jdbc"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelay.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Database {

		@Bean(destroyMethod = "shutdown")
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registry extends Database {

		@Bean
		FailingPublications incompletePublications() {
			return new FailingPublications();
		}

	}

}
