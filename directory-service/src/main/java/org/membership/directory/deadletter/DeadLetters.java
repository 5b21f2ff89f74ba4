package org.membership.directory.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.membership.directory.system.ConsumerLag;
import org.membership.directory.system.DirectoryMetrics;
import org.membership.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Service;

/**
 * Reads the dead-letter topics with a short-lived consumer ({@code assign} +
 * {@code seekToBeginning}, no consumer group, nothing committed) and republishes one
 * record's original bytes to its original topic. Nothing is stored in the database: the
 * topics are the record of what failed, and they survive a rebuild of the directory.
 */
@Service
public class DeadLetters {

	/** The dead-letter topics of the topics this service consumes. */
	public static final List<String> TOPICS = ConsumerLag.TOPICS.stream().map(Topics::deadLetterTopic).toList();

	/** Header a replayed record carries: the dead letter it came from. */
	public static final String REPLAYED_FROM = "directory-replayed-from";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private final KafkaProperties properties;

	private final KafkaTemplate<String, Object> template;

	private final DirectoryMetrics metrics;

	DeadLetters(KafkaProperties properties, KafkaTemplate<String, Object> template, DirectoryMetrics metrics) {
		this.properties = properties;
		this.template = template;
		this.metrics = metrics;
	}

	/** Every dead letter of the consumed topics, newest first. */
	public List<DeadLetter> list() {
		List<DeadLetter> letters = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				for (PartitionInfo info : consumer.partitionsFor(topic, READ_TIMEOUT)) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
			Instant deadline = Instant.now().plus(READ_TIMEOUT);
			while (!reachedEnd(consumer, ends) && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					letters.add(describe(record));
				}
			}
		}
		letters.sort(Comparator.comparing(DeadLetter::timestamp).thenComparing(DeadLetter::offset).reversed());
		return letters;
	}

	/**
	 * Republishes the original bytes of one dead letter, with its key, to its original
	 * topic; empty when there is no such dead letter.
	 */
	public Optional<Replayed> replay(String topic, int partition, long offset) {
		Optional<ConsumerRecord<String, byte[]>> found = read(topic, partition, offset);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ConsumerRecord<String, byte[]> letter = found.get();
		String original = stringHeader(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (original == null) {
			original = topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length());
		}
		ProducerRecord<String, Object> record = new ProducerRecord<>(original, letter.key(), letter.value());
		record.headers().add(REPLAYED_FROM, (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
		try {
			RecordMetadata sent = this.template.send(record).get(30, TimeUnit.SECONDS).getRecordMetadata();
			this.metrics.replayed(original);
			log.info("Replayed dead letter {}/{}/{} (key {}) to {}-{}@{}", topic, partition, offset, letter.key(),
					sent.topic(), sent.partition(), sent.offset());
			return Optional.of(new Replayed(topic, partition, offset, sent.topic(), sent.partition(), sent.offset()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying " + topic + "/" + partition + "/" + offset,
					ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not replay " + topic + "/" + partition + "/" + offset, ex);
		}
	}

	private Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
		if (!TOPICS.contains(topic) || partition < 0 || offset < 0) {
			return Optional.empty();
		}
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			if (partition >= consumer.partitionsFor(topic, READ_TIMEOUT).size()) {
				return Optional.empty();
			}
			TopicPartition tp = new TopicPartition(topic, partition);
			consumer.assign(List.of(tp));
			long end = consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
			long start = consumer.beginningOffsets(List.of(tp), READ_TIMEOUT).get(tp);
			if (offset >= end || offset < start) {
				return Optional.empty();
			}
			consumer.seek(tp, offset);
			Instant deadline = Instant.now().plus(READ_TIMEOUT);
			while (Instant.now().isBefore(deadline) && consumer.position(tp) <= offset) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return Optional.of(record);
					}
				}
			}
			return Optional.empty();
		}
	}

	private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private KafkaConsumer<String, byte[]> consumer() {
		Map<String, Object> config = this.properties.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "directory-service-dead-letters");
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
		return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
				stringHeader(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				stringHeader(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
				stringHeader(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
				stringHeader(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()),
				(record.value() != null) ? record.value().length : 0);
	}

	private static String stringHeader(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value().length == Integer.BYTES) ? ByteBuffer.wrap(header.value()).getInt()
				: null;
	}

	private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value().length == Long.BYTES) ? ByteBuffer.wrap(header.value()).getLong()
				: null;
	}

	/** Where a dead letter went when it was replayed. */
	public record Replayed(String deadLetterTopic, int deadLetterPartition, long deadLetterOffset, String topic,
			int partition, long offset) {
	}

}
