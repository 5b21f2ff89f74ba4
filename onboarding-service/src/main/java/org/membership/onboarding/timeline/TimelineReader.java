package org.membership.onboarding.timeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.membership.events.ConsumerGroup;
import org.membership.events.EventTopic;
import org.membership.events.Topics;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads one key's records with a short-lived consumer: no consumer group, {@code assign}
 * and {@code seek}, nothing committed, so reading never moves anyone's offsets. Only the
 * partition that the default partitioner picks for the key is read on each topic (the
 * contract's topics and the consumers' dead-letter topics, which keep the partition),
 * from the offset of the given time to the end offset taken when reading began. The
 * values are read by the Apicurio Avro deserializer with the service's Kafka settings
 * (registry, security) and the contract's generated classes, as the consumers read them.
 * The consumer groups' committed offsets come from the AdminClient.
 */
@Component
class TimelineReader implements DisposableBean {

	private static final Duration POLL = Duration.ofMillis(100);

	private static final String PROPERTY = "membership.onboarding.timeline.";

	/**
	 * Contract topics in the order of {@link Topics#ALL}: the tie-break of equal times.
	 */
	private static final List<String> TOPICS = Topics.ALL.stream().map(EventTopic::name).toList();

	private final Map<String, Object> consumerConfig;

	private final KafkaAdmin kafkaAdmin;

	private Admin admin;

	TimelineReader(ConsumerFactory<?, ?> consumerFactory, KafkaAdmin kafkaAdmin) {
		this.consumerConfig = new HashMap<>(consumerFactory.getConfigurationProperties());
		this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "onboarding-service-timeline");
		this.consumerConfig.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
		this.kafkaAdmin = kafkaAdmin;
	}

	/** The records of {@code key} from {@code from} on, within {@code bounds}. */
	Timeline read(UUID applicationId, Instant from, TimelineProperties bounds) {
		Scan scan = new Scan(applicationId.toString(), bounds);
		try {
			scan.readTopics(from);
			scan.readCommittedOffsets();
		}
		catch (org.apache.kafka.common.errors.TimeoutException | TimeoutException ex) {
			scan.timedOut();
		}
		catch (KafkaException | ExecutionException ex) {
			scan.reasons.add("Kafka could not be read: " + describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			scan.reasons.add("Reading was interrupted.");
		}
		return scan.timeline(applicationId, from);
	}

	/** The partition the default partitioner picks for a key. */
	static int partitionOf(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : ex.getMessage();
		String text = cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			Map<String, Object> config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
			config.put(AdminClientConfig.CLIENT_ID_CONFIG, "onboarding-service-timeline");
			this.admin = Admin.create(config);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

	/** The address of a record. */
	private record Address(String topic, int partition, long offset) {
	}

	/** One reading, from its start to its answer. */
	private final class Scan {

		private final String key;

		private final TimelineProperties bounds;

		private final long deadline;

		private final List<String> reasons = new ArrayList<>();

		private final List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();

		private final Map<Address, TimelineEvent> events = new LinkedHashMap<>();

		/** Contract records that a group's dead-letter topic holds, by the group. */
		private final Map<Address, Set<String>> deadLettered = new HashMap<>();

		/** Dead-letter partition → its consumer group. */
		private final Map<TopicPartition, String> deadLetterGroups = new HashMap<>();

		private final List<TopicPartition> contractPartitions = new ArrayList<>();

		private Map<String, Map<TopicPartition, OffsetAndMetadata>> committed;

		private long scanned;

		/** Whether a reason names the time bound already. */
		private boolean outOfTime;

		Scan(String key, TimelineProperties bounds) {
			this.key = key;
			this.bounds = bounds;
			this.deadline = System.nanoTime() + bounds.maxTime().toNanos();
		}

		private Duration remaining() throws TimeoutException {
			long nanos = this.deadline - System.nanoTime();
			if (nanos <= 0) {
				throw new TimeoutException();
			}
			return Duration.ofNanos(nanos);
		}

		void timedOut() {
			if (!this.outOfTime) {
				this.outOfTime = true;
				this.reasons.add("Reading took longer than " + this.bounds.maxTime() + " (" + PROPERTY
						+ "max-time); what was read by then is shown.");
			}
		}

		void readTopics(Instant from) throws TimeoutException {
			List<TopicPartition> partitions = new ArrayList<>();
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(TimelineReader.this.consumerConfig,
					new StringDeserializer(), new ByteArrayDeserializer())) {
				for (EventTopic topic : Topics.ALL) {
					partition(consumer, topic.name()).ifPresent((partition) -> {
						partitions.add(partition);
						this.contractPartitions.add(partition);
					});
				}
				for (ConsumerGroup group : Topics.CONSUMER_GROUPS) {
					for (String deadLetterTopic : group.deadLetterTopics()) {
						partition(consumer, deadLetterTopic).ifPresent((partition) -> {
							partitions.add(partition);
							this.deadLetterGroups.put(partition, group.name());
						});
					}
				}
				// assigned first: offsets of unassigned partitions are looked up, then
				// warned about
				consumer.assign(partitions);
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining());
				Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(
						partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> from.toEpochMilli())),
						remaining());
				Map<TopicPartition, Long> next = new HashMap<>();
				for (TopicPartition partition : partitions) {
					OffsetAndTimestamp start = starts.get(partition);
					long offset = (start != null) ? start.offset() : ends.get(partition);
					next.put(partition, offset);
					consumer.seek(partition, offset);
				}
				Set<TopicPartition> open = new LinkedHashSet<>(partitions);
				open.removeIf((partition) -> next.get(partition) >= ends.get(partition));
				consumer.pause(partitions.stream().filter((partition) -> !open.contains(partition)).toList());
				poll(consumer, open, next, ends);
			}
		}

		private java.util.Optional<TopicPartition> partition(KafkaConsumer<String, byte[]> consumer, String topic)
				throws TimeoutException {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining());
			// a topic that does not exist holds nothing
			return (infos == null || infos.isEmpty()) ? java.util.Optional.empty()
					: java.util.Optional.of(new TopicPartition(topic, partitionOf(this.key, infos.size())));
		}

		private void poll(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> open,
				Map<TopicPartition, Long> next, Map<TopicPartition, Long> ends) throws TimeoutException {
			while (!open.isEmpty()) {
				Duration remaining;
				try {
					remaining = remaining();
				}
				catch (TimeoutException ex) {
					this.outOfTime = true;
					this.reasons.add("Reading took longer than " + this.bounds.maxTime() + " (" + PROPERTY
							+ "max-time); not read to the end: " + unfinished(open, next, ends) + ".");
					return;
				}
				ConsumerRecords<String, byte[]> records = consumer
					.poll((remaining.compareTo(POLL) < 0) ? remaining : POLL);
				for (TopicPartition partition : records.partitions()) {
					if (!open.contains(partition)) {
						continue;
					}
					for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
						if (record.offset() >= ends.get(partition)) {
							break;
						}
						if (this.scanned >= this.bounds.maxRecords()) {
							this.reasons.add("Stopped after " + this.scanned
									+ ((this.scanned == 1) ? " record" : " records") + ", the limit (" + PROPERTY
									+ "max-records); not read to the end: " + unfinished(open, next, ends) + ".");
							return;
						}
						this.scanned++;
						next.put(partition, record.offset() + 1);
						if (this.key.equals(record.key())) {
							this.found.add(record);
						}
					}
				}
				// the whole batch is read: a position at the end is the end, gaps
				// included
				open.removeIf((partition) -> consumer.position(partition) >= ends.get(partition));
				consumer
					.pause(consumer.assignment().stream().filter((partition) -> !open.contains(partition)).toList());
			}
		}

		private static String unfinished(Set<TopicPartition> open, Map<TopicPartition, Long> next,
				Map<TopicPartition, Long> ends) {
			return open.stream()
				.filter((partition) -> next.get(partition) < ends.get(partition))
				.map((partition) -> partition + " (up to offset " + next.get(partition) + " of " + ends.get(partition)
						+ ")")
				.collect(Collectors.joining(", "));
		}

		void readCommittedOffsets() throws TimeoutException, ExecutionException, InterruptedException {
			Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
			for (ConsumerGroup group : Topics.CONSUMER_GROUPS) {
				List<TopicPartition> read = this.contractPartitions.stream()
					.filter((partition) -> group.topics().contains(partition.topic()))
					.toList();
				if (!read.isEmpty()) {
					specs.put(group.name(), new ListConsumerGroupOffsetsSpec().topicPartitions(read));
				}
			}
			if (specs.isEmpty()) {
				this.committed = Map.of();
				return;
			}
			Duration remaining = remaining();
			this.committed = admin()
				.listConsumerGroupOffsets(specs,
						new ListConsumerGroupOffsetsOptions().timeoutMs((int) Math.max(1, remaining.toMillis())))
				.all()
				.get(remaining.toMillis(), TimeUnit.MILLISECONDS);
		}

		Timeline timeline(UUID applicationId, Instant from) {
			// dead letters first: the contract records they refer to may be anywhere in
			// the list
			try (AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>()) {
				values.configure(TimelineReader.this.consumerConfig, false);
				for (ConsumerRecord<String, byte[]> record : this.found) {
					String group = this.deadLetterGroups.get(new TopicPartition(record.topic(), record.partition()));
					if (group != null) {
						deadLetter(record, group);
					}
				}
				for (ConsumerRecord<String, byte[]> record : this.found) {
					if (!this.deadLetterGroups.containsKey(new TopicPartition(record.topic(), record.partition()))) {
						Address address = new Address(record.topic(), record.partition(), record.offset());
						this.events.put(address, event(record, address, values));
					}
				}
			}
			if (this.committed == null) {
				this.reasons
					.add("The consumer groups' committed offsets were not read: who processed what is" + " not known.");
			}
			List<TimelineEvent> ordered = this.events.values()
				.stream()
				.sorted(Comparator.comparing(TimelineEvent::time)
					.thenComparing(TimelineEvent::applicationVersion, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing((event) -> TOPICS.indexOf(event.topic()))
					.thenComparing(TimelineEvent::offset))
				.toList();
			return new Timeline(applicationId, this.reasons.isEmpty(), this.reasons, from, this.scanned, ordered);
		}

		private void deadLetter(ConsumerRecord<String, byte[]> record, String group) {
			Header topic = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
			Header partition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
			Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
			if (topic == null || partition == null || offset == null || partition.value().length != Integer.BYTES
					|| offset.value().length != Long.BYTES) {
				return;
			}
			Address original = new Address(new String(topic.value(), StandardCharsets.UTF_8),
					ByteBuffer.wrap(partition.value()).getInt(), ByteBuffer.wrap(offset.value()).getLong());
			this.deadLettered.computeIfAbsent(original, (address) -> new LinkedHashSet<>()).add(group);
		}

		private TimelineEvent event(ConsumerRecord<String, byte[]> record, Address address,
				AvroKafkaDeserializer<Object> values) {
			List<String> processed = new ArrayList<>();
			List<String> pending = new ArrayList<>();
			if (this.committed != null) {
				for (ConsumerGroup group : Topics.CONSUMER_GROUPS) {
					if (group.topics().contains(record.topic())) {
						OffsetAndMetadata offset = this.committed.getOrDefault(group.name(), Map.of())
							.get(new TopicPartition(record.topic(), record.partition()));
						((offset != null && offset.offset() > record.offset()) ? processed : pending).add(group.name());
					}
				}
			}
			List<String> deadLetters = List.copyOf(this.deadLettered.getOrDefault(address, Set.of()));
			Instant timestamp = Instant.ofEpochMilli(record.timestamp());
			try {
				if (record.value() == null) {
					throw new IllegalArgumentException("the record has no value");
				}
				Object value = values.deserialize(record.topic(), record.headers(), record.value());
				if (!(value instanceof GenericRecord event)) {
					throw new IllegalArgumentException("the value is not an Avro record");
				}
				return new TimelineEvent(record.topic(), record.partition(), record.offset(), timestamp, true, null,
						event.getSchema().getName(), text(event, "eventId"), instant(event, "occurredAt"),
						number(event, "applicationVersion"), processed, pending, deadLetters);
			}
			catch (RuntimeException ex) {
				return new TimelineEvent(record.topic(), record.partition(), record.offset(), timestamp, false,
						describe(ex), null, null, null, null, processed, pending, deadLetters);
			}
		}

		private static Object field(GenericRecord event, String name) {
			Schema.Field field = event.getSchema().getField(name);
			return (field != null) ? event.get(field.pos()) : null;
		}

		private static String text(GenericRecord event, String name) {
			Object value = field(event, name);
			return (value != null) ? value.toString() : null;
		}

		private static Instant instant(GenericRecord event, String name) {
			Object value = field(event, name);
			if (value instanceof Instant instant) {
				return instant;
			}
			return (value instanceof Long millis) ? Instant.ofEpochMilli(millis) : null;
		}

		private static Long number(GenericRecord event, String name) {
			return (field(event, name) instanceof Number number) ? number.longValue() : null;
		}

	}

}
