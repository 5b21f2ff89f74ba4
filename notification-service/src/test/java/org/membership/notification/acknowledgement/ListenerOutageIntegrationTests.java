package org.membership.notification.acknowledgement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.membership.notification.support.Consumption;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.Mails;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.stack.KafkaBroker;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestInfrastructure;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listeners live through a broker outage: their containers keep running while the
 * broker is away, and once it is back they resume from the offsets they committed. Events
 * produced just before the outage (consumed or not when it began) and after it are each
 * mailed exactly once: nothing is lost, nothing is acknowledged twice.
 */
@NotificationIntegrationTest
class ListenerOutageIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(10);

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Test
	void afterABrokerOutageTheListenersResumeAndEveryMailIsSentExactlyOnce() throws Exception {
		UUID approvedBefore = UUID.randomUUID();
		UUID rejectedAfter = UUID.randomUUID();
		UUID approvedAfter = UUID.randomUUID();
		UUID receivedAfter = UUID.randomUUID();
		String approvedBeforeContact = SampleEvents.uniqueEmail();
		String rejectedAfterContact = SampleEvents.uniqueEmail();
		String approvedAfterContact = SampleEvents.uniqueEmail();
		String receivedAfterContact = SampleEvents.uniqueEmail();
		List<RecordMetadata> produced = new ArrayList<>();

		// before: three applications and a decision; the broker stops right after they
		// are stored, whether or not the listeners have read them yet
		produced.add(received(approvedBefore, approvedBeforeContact));
		produced.add(received(rejectedAfter, rejectedAfterContact));
		produced.add(received(approvedAfter, approvedAfterContact));
		produced.add(TestProducer.send(SampleEvents.memberApproved(approvedBefore).build()));
		KafkaBroker broker = TestInfrastructure.get().broker();
		broker.stop();
		try {
			// the listener containers keep running (and retrying) while the broker is
			// away
			await().during(OUTAGE)
				.atMost(OUTAGE.plusSeconds(10))
				.until(() -> this.listeners.getListenerContainers()
					.stream()
					.allMatch(MessageListenerContainer::isRunning));
		}
		finally {
			broker.start();
		}

		// after: decisions on the applications of before, and a new application
		produced.add(TestProducer.send(SampleEvents.applicationRejected(rejectedAfter).build()));
		produced.add(TestProducer.send(SampleEvents.memberApproved(approvedAfter).build()));
		produced.add(received(receivedAfter, receivedAfterContact));

		// the group's committed offsets pass every record: all of them consumed
		for (RecordMetadata record : produced) {
			Consumption.awaitConsumed(record);
		}
		assertThat(subjects(Exactly.mails(this.smtp, approvedBeforeContact, 2))).containsExactlyInAnyOrder(
				"DIGITAL SME: we have received the membership application of CLUJ IT Cluster",
				"DIGITAL SME: CLUJ IT Cluster is approved as a Full Member");
		assertThat(subjects(Exactly.mails(this.smtp, rejectedAfterContact, 2))).containsExactlyInAnyOrder(
				"DIGITAL SME: we have received the membership application of CLUJ IT Cluster",
				"DIGITAL SME: the decision on the membership application of CLUJ IT Cluster");
		assertThat(subjects(Exactly.mails(this.smtp, approvedAfterContact, 2))).containsExactlyInAnyOrder(
				"DIGITAL SME: we have received the membership application of CLUJ IT Cluster",
				"DIGITAL SME: CLUJ IT Cluster is approved as a Full Member");
		assertThat(subjects(Exactly.mails(this.smtp, receivedAfterContact, 1)))
			.containsExactly("DIGITAL SME: we have received the membership application of CLUJ IT Cluster");
	}

	private static RecordMetadata received(UUID applicationId, String contact) {
		return TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
	}

	private static List<String> subjects(List<MimeMessage> messages) {
		return messages.stream().map((message) -> Mails.of(message).subject()).toList();
	}

}
