package org.membership.directory.rebuild;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.membership.directory.member.ConsumerLag;
import org.membership.directory.member.Generations;
import org.membership.directory.member.ProcessedEventRetention;
import org.membership.directory.member.ReplayListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the directory from the topics beside the live one, which keeps answering until
 * the rebuilt one is complete:
 * <ol>
 * <li>a BUILDING generation is created in the database (at most one exists, whichever
 * instance starts it: a second rebuild answers 409);</li>
 * <li>the end offset of every partition is recorded, after that commit: from then on the
 * live listeners, on every instance, apply each event to the BUILDING generation as
 * well;</li>
 * <li>a consumer of the rebuild's own, on this instance, replays every partition from its
 * beginning up to the recorded end offsets into the BUILDING generation
 * ({@link GenerationReplay});</li>
 * <li>one transaction makes it LIVE and the old one RETIRED; the old rows are then
 * deleted.</li>
 * </ol>
 * The BUILDING generation then holds every event the LIVE one holds (those before the end
 * offsets from the replay, those after from the live listeners), and the projection rules
 * (dedup, versions, forward-only status) make the result independent of the order in
 * which they came. A rebuild that fails (the broker unreachable, the instance stopping, a
 * database error that persists) marks its generation FAILED and leaves the LIVE one as it
 * was; the next rebuild can start at once.
 */
@Service
class DirectoryRebuild implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryRebuild.class);

	private static final ReplayObserver NO_OBSERVER = (generation, record) -> {
	};

	private final Generations generations;

	private final ConsumerLag consumer;

	private final ConsumerFactory<?, ?> consumers;

	private final ReplayListener listener;

	private final ObjectProvider<ReplayObserver> observer;

	private final ProcessedEventRetention retention;

	private final RebuildProperties properties;

	private final Clock clock;

	private final String instance;

	private final TransactionOperations transactions;

	private GenerationReplay running;

	private Thread thread;

	DirectoryRebuild(Generations generations, ConsumerLag consumer, ConsumerFactory<?, ?> consumers,
			ReplayListener listener, ObjectProvider<ReplayObserver> observer, ProcessedEventRetention retention,
			RebuildProperties properties, Clock clock, Environment environment,
			PlatformTransactionManager transactions) {
		this.generations = generations;
		this.consumer = consumer;
		this.consumers = consumers;
		this.listener = listener;
		this.observer = observer;
		this.retention = retention;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		this.instance = environment.getProperty("spring.application.name", "directory-service") + " "
				+ ManagementFactory.getRuntimeMXBean().getName();
	}

	/** Starts a rebuild; the replay goes on in the background on this instance. */
	synchronized Started rebuild() {
		long generation;
		try {
			generation = this.generations.startBuilding(this.instance, this.properties.abandonAfter());
		}
		catch (Generations.RebuildRunningException ex) {
			throw new RebuildInProgressException(this.generations.building()
				.map((building) -> "Generation " + building + " is being built; see GET /api/directory/generations")
				.orElse("Another rebuild was starting at the same moment"));
		}
		Map<TopicPartition, Long> endOffsets;
		GenerationReplay replay;
		try {
			endOffsets = endOffsets();
			this.generations.replayUntil(generation, endOffsets);
			replay = new GenerationReplay(generation, endOffsets, this.consumers, this.listener,
					this.observer.getIfAvailable(() -> NO_OBSERVER), this.generations, this.properties, this.clock,
					this.transactions);
		}
		catch (RuntimeException ex) {
			this.generations.fail(generation, "could not start the replay: " + ex.getMessage());
			throw ex;
		}
		this.running = replay;
		this.thread = Thread.ofPlatform()
			.name("directory-rebuild-" + generation)
			.daemon()
			.start(() -> complete(generation, replay));
		logger.info("Rebuild: generation {} started, replaying up to {}", generation, endOffsets);
		return new Started(generation,
				endOffsets.entrySet()
					.stream()
					.collect(Collectors.toMap((entry) -> entry.getKey().toString(), Map.Entry::getValue, Long::sum,
							TreeMap::new)));
	}

	private void complete(long generation, GenerationReplay replay) {
		try {
			replay.run();
			Optional<Long> retired = this.generations.promote(generation);
			if (retired.isEmpty()) {
				throw new IllegalStateException("generation " + generation + " is no longer BUILDING");
			}
			logger.info("Rebuild: generation {} is live, generation {} retired", generation, retired.get());
			pruneRetired(generation);
		}
		catch (RuntimeException ex) {
			logger.error("Rebuild: generation {} failed; the live directory is unchanged", generation, ex);
			try {
				this.generations.fail(generation, String.valueOf(ex.getMessage()));
			}
			catch (RuntimeException failed) {
				logger.warn("Rebuild: could not mark generation {} FAILED; it will be taken for abandoned", generation,
						failed);
			}
		}
		finally {
			synchronized (this) {
				if (this.running == replay) {
					this.running = null;
					this.thread = null;
				}
			}
		}
	}

	/**
	 * Removes the retired generation's rows. The new generation is live whatever happens
	 * here: a failure (the service stopping, say) leaves the rows to the retention job,
	 * which also catches any that a late live event wrote since.
	 */
	private void pruneRetired(long generation) {
		try {
			this.retention.prune();
		}
		catch (RuntimeException ex) {
			logger.warn("Rebuild: generation {} is live; removing the retired rows failed, the retention job will",
					generation, ex);
		}
	}

	private Map<TopicPartition, Long> endOffsets() {
		List<TopicPartition> partitions = this.consumer.partitions();
		try {
			return this.consumer.admin()
				.listOffsets(
						partitions.stream().collect(Collectors.toMap(Function.identity(), (tp) -> OffsetSpec.latest())))
				.all()
				.get(30, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the end offsets", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the end offsets of " + partitions, ex);
		}
	}

	/** Stops a replay under way: its generation is marked FAILED, the live one stays. */
	@Override
	public void destroy() throws InterruptedException {
		GenerationReplay replay;
		Thread replaying;
		synchronized (this) {
			replay = this.running;
			replaying = this.thread;
		}
		if (replay != null) {
			replay.stop();
			replaying.join(Duration.ofSeconds(20));
		}
	}

	/**
	 * What a rebuild started.
	 *
	 * @param generation the BUILDING generation (see
	 * {@code GET /api/directory/generations})
	 * @param replayUntil per partition ({@code topic-partition}), the end offset the
	 * replay stops at
	 */
	public record Started(long generation, Map<String, Long> replayUntil) {
	}

}
