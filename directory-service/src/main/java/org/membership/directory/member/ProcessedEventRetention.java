package org.membership.directory.member;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the tables from only growing: deletes processed event ids older than
 * {@code membership.directory.processed-events.retention}, and the rows of generations
 * that are neither LIVE nor BUILDING (a retired directory, a failed rebuild). Every
 * instance runs it: each statement is an idempotent delete of a bounded batch in a
 * transaction of its own, so two instances at once delete each row once between them and
 * need no lock (hence no ShedLock). Counted in
 * {@code membership.directory.processed-events.pruned}.
 */
@Component
public class ProcessedEventRetention {

	static final String PRUNED = "membership.directory.processed-events.pruned";

	private static final Logger logger = LoggerFactory.getLogger(ProcessedEventRetention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Generations generations;

	private final ProcessedEventsProperties properties;

	private final Clock clock;

	private final Counter pruned;

	ProcessedEventRetention(JdbcClient jdbc, TransactionTemplate transactions, Generations generations,
			ProcessedEventsProperties properties, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.generations = generations;
		this.properties = properties;
		this.clock = clock;
		this.pruned = Counter.builder(PRUNED)
			.description("Processed event ids deleted after the retention")
			.register(registry);
	}

	@Scheduled(initialDelayString = "${membership.directory.processed-events.prune-interval:PT1H}",
			fixedDelayString = "${membership.directory.processed-events.prune-interval:PT1H}")
	void scheduled() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			// another instance may hold the rows, or the database is away: the next run
			// goes on where this one stopped
			logger.warn("Pruning the processed event ids failed; the next run retries", ex);
		}
	}

	/**
	 * Prunes now.
	 * @return the processed event ids deleted because of their age
	 */
	public int prune() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC);
		int total = 0;
		int deleted;
		do {
			deleted = this.transactions.execute((status) -> this.jdbc.sql("""
					delete from processed_event where processed_at < :cutoff and event_id in
					    (select event_id from processed_event where processed_at < :cutoff limit :batch)
					""").param("cutoff", cutoff).param("batch", this.properties.batchSize()).update());
			total += deleted;
			this.pruned.increment(deleted);
		}
		while (deleted > 0);
		Generations.Removed removed;
		int retired = 0;
		do {
			removed = this.generations.removeRetiredRows(this.properties.batchSize());
			retired += removed.members() + removed.eventIds();
		}
		while (removed.members() + removed.eventIds() > 0);
		if (total > 0 || retired > 0) {
			logger.info("Pruned {} processed event ids older than {} and {} rows of retired or failed generations",
					total, cutoff, retired);
		}
		return total;
	}

}
