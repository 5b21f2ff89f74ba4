package org.membership.notification.announcement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.membership.events.AnnouncementPublished;
import org.membership.events.Topics;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.notification.support.TopicReader;
import org.membership.stack.KafkaBroker;
import org.membership.stack.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationIntegrationTest
class OutboxIntegrationTests {

	@Autowired
	private Announcements announcements;

	@Test
	void anAnnouncementMadeWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
		UUID applicationId = UUID.randomUUID();
		KafkaBroker broker = TestInfrastructure.get().broker();
		broker.stop();
		try {
			// the transaction commits; the send after it fails (producer max.block.ms in
			// tests)
			this.announcements.welcome(new Membership(UUID.randomUUID(), applicationId, 3, "corr-" + applicationId,
					new Membership.Organisation("Outbox Cluster", null, "BE", "Brussels", null, "CLUSTER", null, null,
							null),
					"ASSOCIATE", LocalDate.of(2023, 1, 1)));
		}
		finally {
			broker.start();
		}
		assertThat(this.announcements.findByApplicationId(applicationId)).isPresent();

		// the resubmission job sends it again once the broker is back
		Map<String, Object> serde = new HashMap<>();
		serde.put("apicurio.registry.url", TestInfrastructure.get().registryUrl());
		serde.put("apicurio.registry.use-specific-avro-reader", true);
		ConsumerRecord<String, Object> record = TopicReader.awaitRecord(Topics.ANNOUNCEMENT_PUBLISHED,
				new AvroKafkaDeserializer<>(), serde, (r) -> applicationId.toString().equals(r.key()));
		assertThat(((AnnouncementPublished) record.value()).getHeadline())
			.isEqualTo("DIGITAL SME welcomes Outbox Cluster as a Associate Member");
	}

}
