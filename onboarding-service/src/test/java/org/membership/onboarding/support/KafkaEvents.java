package org.membership.onboarding.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.membership.events.EventTopic;
import org.membership.events.Topics;
import org.membership.stack.testing.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads topics as any downstream system would: a plain {@link KafkaConsumer} with the
 * Apicurio Avro deserializer against the registry of {@link TestInfrastructure}, from the
 * beginning of every partition, keeping the records of the given applications (the key),
 * or those a filter accepts.
 * <p>
 * A check that something was published exactly once waits for it, then keeps reading for
 * {@link #QUIET}: a duplicate, published at once or resent by the outbox relay, is on the
 * topic by then. {@link #onEveryTopic} reads every topic of {@link Topics#ALL}, so that
 * an event on a topic the test did not think of is counted too.
 */
public final class KafkaEvents implements AutoCloseable {

	/**
	 * Longer than the outbox's resubmission cycle in these tests: a publication that is
	 * still incomplete after {@code membership.outbox.resubmit-older-than} (5 s) is sent
	 * again by the relay's next run ({@code resubmit-interval}, 2 s), both in
	 * onboarding-test.properties; OutboxResilienceIntegrationTests checks the settings
	 * against this window.
	 */
	public static final Duration QUIET = Duration.ofSeconds(8);

	private final KafkaConsumer<String, Object> consumer;

	private final BiPredicate<String, Object> filter;

	private final List<Object> records = new ArrayList<>();

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private KafkaEvents(Collection<String> topics, BiPredicate<String, Object> filter) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>();
		values.configure(Map.of(SerdeConfig.REGISTRY_URL, infrastructure.registryUrl(),
				AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				infrastructure.bootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), values);
		List<TopicPartition> partitions = topics.stream()
			.flatMap((topic) -> this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition())))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.filter = filter;
	}

	/** A reader of {@code topic} for the events of one application. */
	public static KafkaEvents of(String topic, UUID applicationId) {
		return of(topic, List.of(applicationId));
	}

	/** A reader of {@code topic} for the events of several applications. */
	public static KafkaEvents of(String topic, Collection<UUID> applicationIds) {
		return new KafkaEvents(List.of(topic), keys(applicationIds));
	}

	/** A reader of every topic of the contract for the events of these applications. */
	public static KafkaEvents onEveryTopic(Collection<UUID> applicationIds) {
		return new KafkaEvents(allTopics(), keys(applicationIds));
	}

	/**
	 * A reader of every topic of the contract for the events whose value (as Avro prints
	 * it) contains one of {@code texts}.
	 */
	public static KafkaEvents onEveryTopicContaining(Collection<String> texts) {
		return new KafkaEvents(allTopics(),
				(key, value) -> texts.stream().anyMatch((text) -> String.valueOf(value).contains(text)));
	}

	/** The key of {@link #counts()} for the events of an application on a topic. */
	public static String on(String topic, Object applicationId) {
		return topic + " " + applicationId;
	}

	private static List<String> allTopics() {
		return Topics.ALL.stream().map(EventTopic::name).toList();
	}

	private static BiPredicate<String, Object> keys(Collection<UUID> applicationIds) {
		Set<String> keys = Set.copyOf(applicationIds.stream().map(UUID::toString).toList());
		return (key, value) -> keys.contains(key);
	}

	/**
	 * Waits until at least one record of the application arrived, and returns the first.
	 */
	@SuppressWarnings("unchecked")
	public <T> T awaitFirst(Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
			poll();
			return !this.records.isEmpty();
		});
		return (T) this.records.get(0);
	}

	/**
	 * Waits for the first record, then keeps reading for {@link #QUIET} to see that no
	 * other arrives; returns all records read.
	 */
	public List<Object> awaitExactlyOne(Duration atMost) {
		awaitFirst(atMost);
		await().during(QUIET).atMost(QUIET.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			poll();
			return this.records.size() == 1;
		});
		return List.copyOf(this.records);
	}

	/**
	 * Waits until every expected event is there, then keeps reading for {@link #QUIET}:
	 * the counts per topic and application ({@link #on}) must be exactly {@code expected}
	 * all along, no more of them, none elsewhere.
	 */
	public void awaitExactly(Map<String, Long> expected, Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			poll();
			assertThat(expected.entrySet()
				.stream()
				.filter((entry) -> this.counts.getOrDefault(entry.getKey(), 0L) < entry.getValue())
				.map(Map.Entry::getKey)
				.toList()).as("events still missing; read so far: %s", this.counts).isEmpty();
		});
		await().during(QUIET).atMost(QUIET.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			poll();
			assertThat(this.counts).as("events per topic and application").isEqualTo(expected);
		});
	}

	/** Everything read so far, after one more poll. */
	public List<Object> readNow() {
		poll();
		return List.copyOf(this.records);
	}

	/**
	 * How many events were read so far per topic and application ({@link #on}), after one
	 * more poll.
	 */
	public Map<String, Long> counts() {
		poll();
		return Map.copyOf(this.counts);
	}

	private void poll() {
		ConsumerRecords<String, Object> polled;
		try {
			polled = this.consumer.poll(Duration.ofMillis(200));
		}
		catch (RecordDeserializationException ex) {
			// a record that is no event (TimelineIntegrationTests writes one onto a
			// contract
			// topic of this JVM's broker): no application's event, read on past it
			this.consumer.seek(ex.topicPartition(), ex.offset() + 1);
			return;
		}
		for (ConsumerRecord<String, Object> record : polled) {
			if (this.filter.test(record.key(), record.value())) {
				this.records.add(record.value());
				this.counts.merge(on(record.topic(), record.key()), 1L, Long::sum);
			}
		}
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}
