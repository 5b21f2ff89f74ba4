package org.membership.support.deadletter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead letters this service has replayed, in its own database (table
 * {@code dead_letter_replay}, created by the migration this module adds to the service's
 * Flyway locations). The primary key makes a second replay of one dead letter fail even
 * when two arrive at once.
 */
class ReplayLog {

	private final JdbcClient jdbc;

	ReplayLog(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	Optional<Replay> find(Address address) {
		return this.jdbc.sql("""
				select replayed_at, replayed_by from dead_letter_replay
				where dead_letter_topic = ? and dead_letter_partition = ? and dead_letter_offset = ?""")
			.params(address.topic(), address.partition(), address.offset())
			.query((rs, row) -> new Replay(rs.getObject("replayed_at", OffsetDateTime.class).toInstant(),
					rs.getString("replayed_by")))
			.optional();
	}

	/** Every replay of a dead letter on one of {@code topics}. */
	Map<Address, Replay> all(Collection<String> topics) {
		Map<Address, Replay> replays = new HashMap<>();
		if (topics.isEmpty()) {
			return replays;
		}
		this.jdbc.sql("""
				select dead_letter_topic, dead_letter_partition, dead_letter_offset, replayed_at, replayed_by
				from dead_letter_replay where dead_letter_topic in (:topics)""").param("topics", topics).query((rs) -> {
			replays.put(
					new Address(rs.getString("dead_letter_topic"), rs.getInt("dead_letter_partition"),
							rs.getLong("dead_letter_offset")),
					new Replay(rs.getObject("replayed_at", OffsetDateTime.class).toInstant(),
							rs.getString("replayed_by")));
		});
		return replays;
	}

	/**
	 * Records the replay; {@code false} when the dead letter was replayed already.
	 */
	boolean record(Address address, Replay replay) {
		try {
			this.jdbc.sql("""
					insert into dead_letter_replay
					(dead_letter_topic, dead_letter_partition, dead_letter_offset, replayed_at, replayed_by)
					values (?, ?, ?, ?, ?)""")
				.params(address.topic(), address.partition(), address.offset(),
						OffsetDateTime.ofInstant(replay.at(), ZoneOffset.UTC), replay.by())
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * One replay.
	 *
	 * @param at when it was replayed
	 * @param by the member of staff who asked for it
	 */
	record Replay(Instant at, String by) {
	}

}
