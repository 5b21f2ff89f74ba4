package org.membership.support.outbox;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class OutboxRelayTests {

	private final OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(30), Duration.ofMinutes(1));

	private final Logger logger = (Logger) LoggerFactory.getLogger(OutboxRelay.class);

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.logger.addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.log);
	}

	@Test
	void aFailingResubmissionIsLoggedAndTheNextRunTriesAgain() {
		FailingPublications publications = new FailingPublications();
		OutboxRelay relay = new OutboxRelay(publications, this.properties);

		assertThatNoException().isThrownBy(relay::resubmit);
		assertThatNoException().isThrownBy(relay::resubmit);

		assertThat(publications.calls).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
		assertThat(this.log.list).hasSize(2).allSatisfy((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("Resubmitting", "failed", "next attempt in PT30S");
			assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database away");
		});
	}

	@Test
	void runsEveryIntervalAfterWaitingOneInterval() {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

		new OutboxRelay(new FailingPublications(), this.properties).configureTasks(registrar);

		assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies((task) -> {
			assertThat(task).isInstanceOf(FixedDelayTask.class);
			assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(30));
			assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(30));
		});
	}

}
