package org.membership.support.deadletter;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.membership.events.ConsumerGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionOperations;

/**
 * This service's dead letters: listed from its own dead-letter topics, newest first, and
 * replayed in this service only. A replay reads the dead letter's bytes as the event they
 * were, hands it to the listener of the original topic and records the replay, in one
 * transaction: a replay that fails again leaves no mark and can be tried again once the
 * cause is fixed; one that succeeds cannot be repeated. Nothing is ever published to a
 * topic, so no other consumer sees a replay.
 */
class DeadLetters {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private static final Comparator<DeadLetter> NEWEST_FIRST = Comparator.comparing(DeadLetter::time)
		.thenComparing(DeadLetter::offset)
		.reversed()
		.thenComparing(DeadLetter::topic)
		.thenComparing(DeadLetter::partition);

	private final ConsumerGroup group;

	private final DeadLetterReader reader;

	private final Map<String, Object> consumerConfig;

	private final ListenerHandlers handlers;

	private final ReplayLog replays;

	private final TransactionOperations transactions;

	private final DeadLetterMetrics metrics;

	private final Clock clock;

	DeadLetters(ConsumerGroup group, DeadLetterReader reader, Map<String, Object> consumerConfig,
			ListenerHandlers handlers, ReplayLog replays, TransactionOperations transactions, DeadLetterMetrics metrics,
			Clock clock) {
		this.group = group;
		this.reader = reader;
		this.consumerConfig = Map.copyOf(consumerConfig);
		this.handlers = handlers;
		this.replays = replays;
		this.transactions = transactions;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** One page of this service's dead letters, newest first. */
	Page<DeadLetter> list(Pageable pageable) {
		Map<Address, ReplayLog.Replay> replayed = this.replays.all(this.group.deadLetterTopics());
		List<DeadLetter> letters = this.reader.readAll(this.group.deadLetterTopics())
			.stream()
			.map((record) -> describe(record, replayed.get(Address.of(record))))
			.sorted(NEWEST_FIRST)
			.toList();
		if (pageable.isUnpaged()) {
			return new PageImpl<>(letters);
		}
		int from = (int) Math.min(pageable.getOffset(), letters.size());
		int to = Math.min(from + pageable.getPageSize(), letters.size());
		return new PageImpl<>(letters.subList(from, to), pageable, letters.size());
	}

	/**
	 * Reprocesses the dead letter at {@code address} in this service and marks it
	 * replayed.
	 * @param by the member of staff who asks
	 * @return the dead letter, marked replayed
	 * @throws DeadLetterProblem 404 when there is no such dead letter of this service,
	 * 409 when it was replayed before, 422 when it fails again
	 */
	DeadLetter replay(Address address, String by) {
		if (!this.group.deadLetterTopics().contains(address.topic())) {
			throw DeadLetterProblem.notFound(address.topic() + " is not a dead-letter topic of " + this.group.name()
					+ "; its dead-letter topics are " + this.group.deadLetterTopics());
		}
		this.replays.find(address).ifPresent((done) -> {
			throw alreadyReplayed(address, done);
		});
		ConsumerRecord<String, byte[]> letter = this.reader.read(address)
			.orElseThrow(() -> DeadLetterProblem.notFound("There is no dead letter at " + address));
		ConsumerRecord<String, Object> record = original(letter);
		ReplayLog.Replay replay = new ReplayLog.Replay(this.clock.instant(), by);
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (!this.replays.record(address, replay)) {
					throw alreadyReplayed(address, this.replays.find(address).orElse(replay));
				}
				this.handlers.handle(record);
			});
		}
		catch (DeadLetterProblem ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			ReadableError error = ReadableError.of(ex);
			logger.warn("Replaying dead letter {} (key {}) in {} failed again: {}", address, letter.key(),
					this.group.name(), error.summary());
			throw DeadLetterProblem.replayFailed(
					"The record of " + address + " still fails in " + this.group.name() + ": " + error.summary(), ex);
		}
		this.metrics.replayed(record.topic());
		logger.info("Replayed dead letter {} (key {}) of {} in {}, asked by {}", address, letter.key(), record.topic(),
				this.group.name(), by);
		return describe(letter, replay);
	}

	private static DeadLetterProblem alreadyReplayed(Address address, ReplayLog.Replay done) {
		return DeadLetterProblem
			.alreadyReplayed("The dead letter at " + address + " was replayed at " + done.at() + " by " + done.by());
	}

	/** The record as it was on its original topic, its value read as the event. */
	private ConsumerRecord<String, Object> original(ConsumerRecord<String, byte[]> letter) {
		String topic = originalTopic(letter);
		Headers headers = new RecordHeaders();
		for (Header header : letter.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("membership_dlt-")) {
				headers.add(header);
			}
		}
		Object value;
		try (AvroKafkaDeserializer<Object> avro = new AvroKafkaDeserializer<>()) {
			avro.configure(this.consumerConfig, false);
			value = avro.deserialize(topic, headers, letter.value());
		}
		catch (RuntimeException ex) {
			throw DeadLetterProblem.replayFailed("The dead letter at " + Address.of(letter)
					+ " cannot be read as an event of " + topic + ": " + ReadableError.of(ex).summary(), ex);
		}
		Integer partition = intHeader(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		Long offset = longHeader(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		Long timestamp = longHeader(letter, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
		return new ConsumerRecord<>(topic, (partition != null) ? partition : letter.partition(),
				(offset != null) ? offset : -1, (timestamp != null) ? timestamp : letter.timestamp(),
				TimestampType.CREATE_TIME, letter.serializedKeySize(), letter.serializedValueSize(), letter.key(),
				value, headers, Optional.empty());
	}

	private String originalTopic(ConsumerRecord<String, byte[]> letter) {
		String header = ReadableError.text(letter.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
		return (header != null) ? header
				: this.group.topics().get(this.group.deadLetterTopics().indexOf(letter.topic()));
	}

	private static DeadLetter describe(ConsumerRecord<String, byte[]> record, ReplayLog.Replay replay) {
		ReadableError error = ReadableError.from(record.headers()).orElseGet(() -> springKafkaError(record));
		return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
				Instant.ofEpochMilli(record.timestamp()),
				ReadableError.text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC),
				intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), error.className(), error.message(),
				replay != null, (replay != null) ? replay.at() : null, (replay != null) ? replay.by() : null);
	}

	/**
	 * A dead letter written by something else than this module: Spring Kafka's headers.
	 */
	private static ReadableError springKafkaError(ConsumerRecord<String, byte[]> record) {
		String cause = ReadableError.text(record.headers(), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		String exception = ReadableError.text(record.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN);
		String message = ReadableError.text(record.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		return new ReadableError((cause != null) ? cause : String.valueOf(exception), (message != null) ? message : "");
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

}
