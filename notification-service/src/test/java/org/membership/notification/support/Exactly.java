package org.membership.notification.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.membership.events.EventTopic;
import org.membership.events.Topics;
import org.membership.stack.testing.TestMailServer;
import org.membership.stack.testing.TestInfrastructure;
import org.membership.stack.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exact counts of what the service did: the mails a recipient received, the records of an
 * application on every topic of the contract. Each waits until the count is reached, then
 * keeps looking for a quiet window ({@link #MAIL_QUIET} for mails, {@link #QUIET} for
 * records): a duplicate, sent at once, retried or resent, is there by the end of it.
 */
public final class Exactly {

	/**
	 * Longer than every retry of these tests ({@link NotificationIntegrationTest}): the
	 * outbox's resubmission (incomplete for 5 s, looked for every 1 s), a listener's
	 * back-off before dead-lettering (at most 1 s) and the sender's poll (100 ms) and
	 * back-off (at most 1 s). OutboxIntegrationTests checks the settings against it.
	 */
	public static final Duration QUIET = Duration.ofSeconds(8);

	/**
	 * Longer than every retry that could send a mail again: a listener's back-off before
	 * dead-lettering (at most 1 s), the sender's poll (100 ms) and back-off (at most 1
	 * s). The outbox's resubmission does not count here: what it sends again goes to
	 * Kafka, and no mail of this service comes from a record it published itself.
	 * OutboxIntegrationTests checks the settings against it.
	 */
	public static final Duration MAIL_QUIET = Duration.ofSeconds(3);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private Exactly() {
	}

	/** The {@code count} mails to {@code recipient}, once no other came for a while. */
	public static List<MimeMessage> mails(TestMailServer smtp, String recipient, int count) {
		return exactly(() -> smtp.messagesTo(recipient), count, MAIL_QUIET, "mails to " + recipient);
	}

	/**
	 * The {@code count} records with the key {@code key} on {@code topic}, once no other
	 * came for a while.
	 */
	public static List<ConsumerRecord<String, byte[]>> records(String topic, UUID key, int count) {
		return exactly(() -> TopicRecords.withKey(topic, key), count, QUIET, "records of " + key + " on " + topic);
	}

	/**
	 * Waits until the records of application {@code key} per topic of the contract are
	 * exactly {@code expected} (topic to count; a topic left out must have none), and
	 * stay so for {@link #QUIET}.
	 */
	public static void onEveryTopic(UUID key, Map<String, Long> expected) {
		List<String> topics = Topics.ALL.stream().map(EventTopic::name).toList();
		Supplier<Map<String, Long>> counts = () -> TopicRecords
			.withKey(TestInfrastructure.get().bootstrapServers(), topics, key.toString())
			.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::topic, Collectors.counting()));
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			Map<String, Long> now = counts.get();
			return expected.entrySet().stream().allMatch((e) -> now.getOrDefault(e.getKey(), 0L) >= e.getValue());
		});
		await().during(QUIET)
			.atMost(QUIET.plusSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(counts.get()).as("records of %s per topic", key).isEqualTo(expected));
	}

	private static <T> List<T> exactly(Supplier<List<T>> found, int count, Duration quiet, String what) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> found.get().size() >= count);
		await().during(quiet)
			.atMost(quiet.plusSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(found.get()).as(what).hasSize(count));
		return found.get();
	}

}
