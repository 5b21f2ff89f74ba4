package org.membership.notification.support;

import org.membership.stack.testing.MutableClock;
import org.membership.stack.testing.TestClockConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.membership.stack.testing.RealInfrastructure;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The one configuration of every integration test of this module (so the context cache
 * keeps a single application): real broker, registry and SMTP server, a sender that polls
 * often and backs off briefly, and a {@link MutableClock} that a test may move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "membership.notification.poll-interval=100ms", "membership.notification.initial-back-off=200ms",
				"membership.notification.max-back-off=1s", "membership.notification.max-attempts=5",
				"membership.outbox.resubmit-interval=1s", "membership.outbox.resubmit-older-than=5s",
				// a failing record reaches its dead-letter topic within seconds;
				// every retry interval stays below the quiet windows of the exact
				// counts (Exactly.QUIET, Exactly.MAIL_QUIET)
				"membership.dead-letters.retry.initial-interval=200ms", "membership.dead-letters.retry.max-interval=1s",
				"membership.security.staff-password=" + NotificationIntegrationTest.STAFF_PASSWORD,
				"membership.association.public-url=https://www.digitalsme.example",
				// a send to a stopped broker (the outage tests) fails within seconds
				"spring.kafka.producer.properties.max.block.ms=5000",
				"spring.kafka.producer.properties.request.timeout.ms=5000",
				"spring.kafka.producer.properties.delivery.timeout.ms=10000" })
@AutoConfigureTestRestTemplate
@Import(TestClockConfiguration.class)
@RealInfrastructure
public @interface NotificationIntegrationTest {

	/** The password of the {@code staff} user in tests. */
	String STAFF_PASSWORD = "test-staff-password";

}
