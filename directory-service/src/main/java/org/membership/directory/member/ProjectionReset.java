package org.membership.directory.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties the projection for a rebuild: the members and the processed event ids, in one
 * transaction, so that the replay starts from nothing and no replayed event is taken for
 * a duplicate. The rebuild calls this rather than writing to the tables, which stay this
 * package's own.
 */
@Component
public class ProjectionReset {

	private final JdbcClient jdbc;

	ProjectionReset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Removed removeAll() {
		return new Removed(this.jdbc.sql("delete from member").update(),
				this.jdbc.sql("delete from processed_event").update());
	}

	/** How many member rows and processed event ids a reset removed. */
	public record Removed(int members, int eventIds) {
	}

}
