package org.membership.directory.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.membership.directory.member.Generations;
import org.membership.directory.member.ReplayListener;
import org.membership.support.deadletter.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One rebuild's replay: a consumer of its own, assigned to every partition (no group
 * membership, nothing committed), reads each partition from its beginning up to the end
 * offset recorded when the generation was created and applies every record to the
 * BUILDING generation. What comes after those offsets the live listeners apply to the
 * BUILDING generation themselves. Records that the directory cannot apply (unreadable,
 * invalid) are skipped: the live listeners dead-lettered them when they first met them.
 * The records of one poll are applied in one transaction (one commit instead of one per
 * record: what bounds a rebuild is the database, not Kafka); when that transaction fails,
 * because a record cannot be applied or a live listener wrote the same member at the same
 * moment, the batch is applied again one record at a time, as before batching. Database
 * errors are retried a few times, then the replay fails. It writes a heartbeat with its
 * progress, fails when it has read nothing for the stall time-out, and stops when its
 * generation is no longer BUILDING.
 */
class GenerationReplay {

	private static final Logger logger = LoggerFactory.getLogger(GenerationReplay.class);

	private static final int ATTEMPTS = 5;

	private final long generation;

	private final Map<TopicPartition, Long> endOffsets;

	private final Consumer<Object, Object> consumer;

	private final ReplayListener listener;

	private final ReplayObserver observer;

	private final Generations generations;

	private final RebuildProperties properties;

	private final Clock clock;

	private final TransactionOperations transactions;

	private volatile boolean stopping;

	private int skipped;

	GenerationReplay(long generation, Map<TopicPartition, Long> endOffsets, ConsumerFactory<?, ?> consumers,
			ReplayListener listener, ReplayObserver observer, Generations generations, RebuildProperties properties,
			Clock clock, TransactionOperations transactions) {
		this.generation = generation;
		this.endOffsets = endOffsets;
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		@SuppressWarnings("unchecked")
		ConsumerFactory<Object, Object> factory = (ConsumerFactory<Object, Object>) consumers;
		// a group id of its own, never joined (assign) and never committed to
		this.consumer = factory.createConsumer(
				factory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG) + "-rebuild-" + generation,
				null, "-rebuild-" + generation, overrides);
		this.listener = listener;
		this.observer = observer;
		this.generations = generations;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Replays up to the end offsets.
	 * @throws RuntimeException when the replay cannot complete
	 */
	void run() {
		try (this.consumer) {
			Map<TopicPartition, Long> replayed = new HashMap<>();
			Set<TopicPartition> pending = new HashSet<>();
			this.endOffsets.forEach((partition, end) -> {
				replayed.put(partition, 0L);
				if (end > 0) {
					pending.add(partition);
				}
			});
			this.consumer.assign(pending);
			this.consumer.seekToBeginning(pending);
			Instant progressAt = this.clock.instant();
			Instant heartbeatAt = this.clock.instant();
			while (!pending.isEmpty()) {
				if (this.stopping) {
					throw new IllegalStateException("the instance is stopping");
				}
				ConsumerRecords<Object, Object> records = this.consumer.poll(Duration.ofMillis(500));
				List<ConsumerRecord<Object, Object>> batch = new ArrayList<>(records.count());
				for (ConsumerRecord<Object, Object> record : records) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() < this.endOffsets.get(partition)) {
						batch.add(record);
					}
				}
				applyAll(batch);
				for (ConsumerRecord<Object, Object> record : batch) {
					replayed.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
				}
				heartbeatAt = heartbeatIfDue(heartbeatAt, replayed);
				List<TopicPartition> done = pending.stream()
					.filter((partition) -> this.consumer.position(partition) >= this.endOffsets.get(partition))
					.toList();
				if (!done.isEmpty()) {
					done.forEach((partition) -> replayed.put(partition, this.endOffsets.get(partition)));
					done.forEach(pending::remove);
					this.consumer.pause(done);
				}
				Instant now = this.clock.instant();
				if (!records.isEmpty() || !done.isEmpty()) {
					progressAt = now;
				}
				else if (now.isAfter(progressAt.plus(this.properties.stallTimeout()))) {
					throw new IllegalStateException("the replay read nothing for " + this.properties.stallTimeout()
							+ " with " + pending + " not complete: is the broker reachable?");
				}
				heartbeatAt = heartbeatIfDue(heartbeatAt, replayed);
			}
			if (!this.generations.heartbeat(this.generation, replayed)) {
				throw new IllegalStateException("generation " + this.generation + " is no longer BUILDING");
			}
			if (this.skipped > 0) {
				logger.warn("Rebuild of generation {}: {} records could not be applied (see their dead letters)",
						this.generation, this.skipped);
			}
		}
	}

	/** Makes the replay stop soon, from another thread. */
	void stop() {
		this.stopping = true;
		this.consumer.wakeup();
	}

	/**
	 * Applies one poll's records: in one transaction, or, when that fails, one by one.
	 * The observer hears of every record before the transaction begins, so that a test
	 * holding the replay does not hold database locks too.
	 */
	private void applyAll(List<ConsumerRecord<Object, Object>> batch) {
		batch.forEach((record) -> this.observer.beforeApply(this.generation, record));
		if (batch.size() > 1) {
			try {
				this.transactions.executeWithoutResult(
						(status) -> batch.forEach((record) -> this.listener.apply(record, this.generation)));
				return;
			}
			catch (RuntimeException ex) {
				if (this.stopping) {
					throw ex;
				}
				logger.debug("Rebuild of generation {}: a batch of {} records failed ({}), applying them one by one",
						this.generation, batch.size(), ex.getMessage());
			}
		}
		batch.forEach(this::apply);
	}

	private void apply(ConsumerRecord<Object, Object> record) {
		for (int attempt = 1;; attempt++) {
			try {
				this.listener.apply(record, this.generation);
				return;
			}
			catch (InvalidEventException ex) {
				this.skipped++;
				logger.warn("Rebuild of generation {}: skipped {}-{}@{}: {}", this.generation, record.topic(),
						record.partition(), record.offset(), ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				// a live listener may have inserted the same member at the same moment
				if (attempt >= ATTEMPTS || this.stopping) {
					throw ex;
				}
				logger.info("Rebuild of generation {}: {}-{}@{} failed ({}), retrying", this.generation, record.topic(),
						record.partition(), record.offset(), ex.getMessage());
				pause(Duration.ofMillis(100L * attempt));
			}
		}
	}

	private Instant heartbeatIfDue(Instant last, Map<TopicPartition, Long> replayed) {
		Instant now = this.clock.instant();
		if (now.isBefore(last.plus(this.properties.heartbeatInterval()))) {
			return last;
		}
		if (!this.generations.heartbeat(this.generation, replayed)) {
			throw new IllegalStateException("generation " + this.generation
					+ " is no longer BUILDING (taken for abandoned by another instance?)");
		}
		return now;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
