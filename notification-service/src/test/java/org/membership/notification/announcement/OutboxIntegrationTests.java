package org.membership.notification.announcement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.membership.events.AnnouncementPublished;
import org.membership.events.Topics;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.notification.support.TopicReader;
import org.membership.stack.KafkaBroker;
import org.membership.stack.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationIntegrationTest
class OutboxIntegrationTests {

	@Autowired
	private Announcements announcements;

	@Autowired
	private ApplicationContext context;

	@Test
	void anAnnouncementMadeWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
		// the one relay is service-support's: no copy of it in this service
		assertThat(this.context.getBean("outboxRelay").getClass().getName())
			.isEqualTo("org.membership.support.outbox.OutboxRelay");
		UUID applicationId = UUID.randomUUID();
		KafkaBroker broker = TestInfrastructure.get().broker();
		broker.stop();
		try {
			// the transaction commits, and the send after it fails within the tests'
			// producer time-outs
			this.announcements.welcome(membership(applicationId, new Membership.Organisation("Outbox Cluster", null,
					"BE", "Brussels", null, "CLUSTER", null, null, null, null)));
		}
		finally {
			broker.start();
		}
		assertThat(this.announcements.findByApplicationId(applicationId)).isPresent();

		// the relay sends it again once the broker is back
		AnnouncementPublished published = awaitPublished(applicationId);
		assertThat(published.getHeadline()).isEqualTo("DIGITAL SME welcomes Outbox Cluster as an Associate Member");
	}

	@Test
	void anAnnouncementLongerThanFourThousandCharactersIsStoredWholeAndPublishedWhole() {
		UUID applicationId = UUID.randomUUID();
		// an organisation at the field limits of the application form
		Membership.Organisation organisation = new Membership.Organisation(text("CLUJ IT Cluster ", 200),
				text("Asociația CLUJ IT ", 200), "RO", text("Cluj-Napoca ", 100), "https://www.clujit.ro", "CLUSTER",
				LocalDate.of(2012, 10, 1), 90,
				text("Innovative cluster of IT companies, universities and research institutes. ", 2000), null);

		this.announcements.welcome(membership(applicationId, organisation));

		Announcement announcement = this.announcements.findByApplicationId(applicationId).orElseThrow();
		AnnouncementPublished published = awaitPublished(applicationId);
		assertThat(published.getAnnouncementId()).isEqualTo(announcement.id());
		assertThat(published.getHeadline()).isEqualTo(announcement.headline());
		assertThat(published.getSummary()).isEqualTo(announcement.summary());
		// the event has no field for quotes: its body is the whole text
		assertThat(published.getBody()).isEqualTo(announcement.fullText()).contains(organisation.description());
		assertThat(published.getLink()).isEqualTo(announcement.link());
		// the contract's timestamps are milliseconds
		assertThat(published.getPublishedAt()).isEqualTo(announcement.publishedAt().truncatedTo(ChronoUnit.MILLIS));
		assertThat(published.getApplicationVersion()).isEqualTo(3);
		assertThat(published.getCorrelationId()).isEqualTo("corr-" + applicationId);
		assertThat(published.getHeadline().length() + String.join("", published.getSummary()).length()
				+ published.getBody().length())
			.as("characters of the event's texts alone")
			.isGreaterThan(4000);
	}

	@Test
	void theTestsQuietWindowIsLongerThanEveryRetryInterval() {
		Environment environment = this.context.getEnvironment();
		// a publication left incomplete is resent at the latest after older-than +
		// interval
		assertThat(Exactly.QUIET)
			.isGreaterThan(duration(environment, "membership.outbox.resubmit-older-than")
				.plus(duration(environment, "membership.outbox.resubmit-interval")))
			.isGreaterThan(duration(environment, "membership.dead-letters.retry.max-interval"))
			.isGreaterThan(duration(environment, "membership.notification.max-back-off"))
			.isGreaterThan(duration(environment, "membership.notification.poll-interval"));
		// a mail is sent again, if ever, by a listener's or the sender's retry
		assertThat(Exactly.MAIL_QUIET)
			.isGreaterThan(duration(environment, "membership.dead-letters.retry.max-interval").multipliedBy(2))
			.isGreaterThan(duration(environment, "membership.notification.max-back-off").multipliedBy(2))
			.isGreaterThan(duration(environment, "membership.notification.poll-interval"));
	}

	private static Duration duration(Environment environment, String property) {
		return environment.getRequiredProperty(property, Duration.class);
	}

	private static Membership membership(UUID applicationId, Membership.Organisation organisation) {
		return new Membership(UUID.randomUUID(), applicationId, 3, "corr-" + applicationId, organisation, "ASSOCIATE",
				LocalDate.of(2023, 1, 1));
	}

	private static AnnouncementPublished awaitPublished(UUID applicationId) {
		Map<String, Object> serde = new HashMap<>();
		serde.put("apicurio.registry.url", TestInfrastructure.get().registryUrl());
		serde.put("apicurio.registry.use-specific-avro-reader", true);
		ConsumerRecord<String, Object> record = TopicReader.awaitRecord(Topics.ANNOUNCEMENT_PUBLISHED,
				new AvroKafkaDeserializer<>(), serde, (r) -> applicationId.toString().equals(r.key()));
		return (AnnouncementPublished) record.value();
	}

	/** {@code sentence} repeated to {@code length} characters, ending with a period. */
	private static String text(String sentence, int length) {
		return sentence.repeat(length / sentence.length() + 1).substring(0, length - 1) + ".";
	}

}
