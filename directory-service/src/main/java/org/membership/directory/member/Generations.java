package org.membership.directory.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The generations of the directory, in the table {@code directory_generation}: the state
 * of a rebuild lives in the database, so that every instance sees it. Exactly one
 * generation is LIVE (the public API reads it); at most one is BUILDING (a rebuild
 * replays the topics into it). The unique column {@code exclusive_state} enforces both
 * across instances: a second rebuild fails on it, whichever instance starts it. The
 * switch from the old generation to the rebuilt one is one transaction.
 */
@Component
public class Generations {

	private final JdbcClient jdbc;

	private final Clock clock;

	Generations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The generation the public API reads. */
	long live() {
		return this.jdbc.sql("select id from directory_generation where state = 'LIVE'").query(Long.class).single();
	}

	/**
	 * The generations a live event goes to: the LIVE one and a BUILDING one if any.
	 * @return the ids, each mapped to whether it is the LIVE one
	 */
	Map<Long, Boolean> current() {
		Map<Long, Boolean> current = new LinkedHashMap<>();
		this.jdbc.sql("select id, state from directory_generation where state in ('LIVE', 'BUILDING') order by id")
			.query((rs, row) -> current.put(rs.getLong(1), "LIVE".equals(rs.getString(2))))
			.list();
		return current;
	}

	/**
	 * Creates a BUILDING generation. A BUILDING generation whose instance has not written
	 * its heartbeat for {@code abandonAfter} is marked FAILED first (its instance died).
	 * @param startedBy who started it (the instance)
	 * @param abandonAfter how old a heartbeat may be before its rebuild counts as
	 * abandoned
	 * @return the new generation's id
	 * @throws RebuildRunningException when another generation is BUILDING
	 */
	@Transactional
	public long startBuilding(String startedBy, Duration abandonAfter) {
		OffsetDateTime now = now();
		this.jdbc.sql("""
				update directory_generation set state = 'FAILED', exclusive_state = null, finished_at = ?,
				    failure = 'abandoned: its instance stopped writing a heartbeat'
				where state = 'BUILDING' and heartbeat_at < ?
				""").params(now, now.minus(abandonAfter)).update();
		long id = this.jdbc.sql("select coalesce(max(id), 0) + 1 from directory_generation").query(Long.class).single();
		try {
			this.jdbc.sql("""
					insert into directory_generation (id, state, exclusive_state, started_at, heartbeat_at, started_by)
					values (?, 'BUILDING', 'BUILDING', ?, ?, ?)
					""").params(id, now, now, startedBy).update();
		}
		catch (DataIntegrityViolationException ex) {
			// nothing more in this transaction: PostgreSQL has aborted it
			throw new RebuildRunningException(ex);
		}
		return id;
	}

	/** Records where the replay of a BUILDING generation stops. */
	@Transactional
	public void replayUntil(long generation, Map<TopicPartition, Long> endOffsets) {
		endOffsets.forEach((partition, end) -> this.jdbc
			.sql("""
					insert into directory_generation_offset (generation_id, topic, partition_no, end_offset, replayed_offset)
					values (?, ?, ?, ?, 0)
					""")
			.params(generation, partition.topic(), partition.partition(), end)
			.update());
	}

	/**
	 * Writes the heartbeat and the replay's progress of a BUILDING generation.
	 * @return false when it is no longer BUILDING (failed, or taken as abandoned): the
	 * replay must stop
	 */
	@Transactional
	public boolean heartbeat(long generation, Map<TopicPartition, Long> replayed) {
		int updated = this.jdbc
			.sql("update directory_generation set heartbeat_at = ? where id = ? and state = 'BUILDING'")
			.params(now(), generation)
			.update();
		replayed.forEach((partition, offset) -> this.jdbc.sql("""
				update directory_generation_offset set replayed_offset = ?
				where generation_id = ? and topic = ? and partition_no = ?
				""").params(offset, generation, partition.topic(), partition.partition()).update());
		return updated == 1;
	}

	/**
	 * Makes a complete BUILDING generation LIVE and the LIVE one RETIRED, in one
	 * transaction: a reader sees either the whole old directory or the whole new one.
	 * @return the retired generation, empty when the generation was no longer BUILDING
	 * (nothing changed)
	 */
	@Transactional
	public Optional<Long> promote(long generation) {
		long old = live();
		// locked, so that a rebuild taking it for abandoned waits for this transaction
		boolean building = this.jdbc
			.sql("select id from directory_generation where id = ? and state = 'BUILDING' for update")
			.param(generation)
			.query(Long.class)
			.optional()
			.isPresent();
		if (!building) {
			return Optional.empty();
		}
		OffsetDateTime now = now();
		this.jdbc.sql("""
				update directory_generation set state = 'RETIRED', exclusive_state = null, finished_at = ?
				where id = ? and state = 'LIVE'
				""").params(now, old).update();
		this.jdbc
			.sql("""
					update directory_generation set state = 'LIVE', exclusive_state = 'LIVE', finished_at = ?, heartbeat_at = ?
					where id = ? and state = 'BUILDING'
					""")
			.params(now, now, generation)
			.update();
		return Optional.of(old);
	}

	/** Marks a BUILDING generation FAILED; its rows are left to {@link #removeRows}. */
	@Transactional
	public void fail(long generation, String reason) {
		String failure = (reason.length() > 2000) ? reason.substring(0, 2000) : reason;
		this.jdbc.sql("""
				update directory_generation set state = 'FAILED', exclusive_state = null, finished_at = ?, failure = ?
				where id = ? and state = 'BUILDING'
				""").params(now(), failure, generation).update();
	}

	/**
	 * Deletes the rows of generations that are neither LIVE nor BUILDING, at most
	 * {@code batch} of each table per generation and call.
	 * @return the member rows and processed event ids removed
	 */
	@Transactional
	public Removed removeRetiredRows(int batch) {
		int members = 0;
		int eventIds = 0;
		List<Long> gone = this.jdbc.sql("""
				select distinct generation_id from member
				where generation_id not in (select id from directory_generation where state in ('LIVE', 'BUILDING'))
				union
				select distinct generation_id from processed_event
				where generation_id not in (select id from directory_generation where state in ('LIVE', 'BUILDING'))
				""").query(Long.class).list();
		for (long generation : gone) {
			members += this.jdbc.sql("""
					delete from member where generation_id = :generation and application_id in
					    (select application_id from member where generation_id = :generation limit :batch)
					""").param("generation", generation).param("batch", batch).update();
			eventIds += this.jdbc.sql("""
					delete from processed_event where generation_id = :generation and event_id in
					    (select event_id from processed_event where generation_id = :generation limit :batch)
					""").param("generation", generation).param("batch", batch).update();
		}
		return new Removed(members, eventIds);
	}

	/** The BUILDING generation, if any. */
	public Optional<Long> building() {
		return this.jdbc.sql("select id from directory_generation where state = 'BUILDING'")
			.query(Long.class)
			.optional();
	}

	/** The most recent generations, newest first, with a BUILDING one's progress. */
	@Transactional(readOnly = true)
	public List<Generation> recent(int limit) {
		List<Generation> generations = this.jdbc.sql("""
				select id, state, started_at, finished_at, heartbeat_at, started_by, failure
				from directory_generation order by id desc limit ?
				""")
			.param(limit)
			.query((rs, row) -> new Generation(rs.getLong("id"), rs.getString("state"),
					instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("finished_at", OffsetDateTime.class)),
					instant(rs.getObject("heartbeat_at", OffsetDateTime.class)), rs.getString("started_by"),
					rs.getString("failure"), rows(rs.getLong("id")), new LinkedHashMap<>()))
			.list();
		for (Generation generation : generations) {
			if ("BUILDING".equals(generation.state())) {
				this.jdbc.sql("""
						select topic, partition_no, end_offset, replayed_offset from directory_generation_offset
						where generation_id = ? order by topic, partition_no
						""")
					.param(generation.id())
					.query((rs, row) -> generation.replayRemaining()
						.put(rs.getString(1) + "-" + rs.getInt(2), Math.max(rs.getLong(3) - rs.getLong(4), 0L)))
					.list();
			}
		}
		return generations;
	}

	private long rows(long generation) {
		return this.jdbc.sql("select count(*) from member where generation_id = ? and status in ('JOINING', 'MEMBER')")
			.param(generation)
			.query(Long.class)
			.single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * One generation of the directory.
	 *
	 * @param id its number, rising
	 * @param state BUILDING, LIVE, RETIRED or FAILED
	 * @param startedAt when the rebuild that made it started
	 * @param finishedAt when it went LIVE, or RETIRED, or FAILED
	 * @param heartbeatAt the last sign of life of the instance that builds it
	 * @param startedBy the instance that started it
	 * @param failure why it FAILED
	 * @param members its member rows (JOINING and MEMBER)
	 * @param replayRemaining while BUILDING: records left to replay per partition
	 */
	public record Generation(long id, String state, Instant startedAt, Instant finishedAt, Instant heartbeatAt,
			String startedBy, String failure, long members, Map<String, Long> replayRemaining) {
	}

	/** How many member rows and processed event ids were removed. */
	public record Removed(int members, int eventIds) {
	}

	/** Another generation is BUILDING: a rebuild is running. */
	public static class RebuildRunningException extends RuntimeException {

		RebuildRunningException(Throwable cause) {
			super("A rebuild is in progress", cause);
		}

	}

}
