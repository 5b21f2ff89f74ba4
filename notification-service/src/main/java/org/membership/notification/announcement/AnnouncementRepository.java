package org.membership.notification.announcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.membership.support.association.AssociationProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code announcement} table. */
@Repository
class AnnouncementRepository {

	private static final String COLUMNS = "id, application_id, headline, summary, body, published_at";

	private final JdbcClient jdbc;

	private final AssociationProperties association;

	AnnouncementRepository(JdbcClient jdbc, AssociationProperties association) {
		this.jdbc = jdbc;
		this.association = association;
	}

	/**
	 * Inserts unless the application already has its announcement (the unique constraint
	 * catches a concurrent insert; the listener then retries and finds the row).
	 * @return whether a row was inserted
	 */
	boolean insertIfAbsent(UUID id, Membership membership, AnnouncementWriter.Text text, Instant publishedAt) {
		return this.jdbc.sql("""
				INSERT INTO announcement (id, application_id, event_id, application_version, correlation_id,
				    headline, summary, body, published_at)
				SELECT :id, :applicationId, :eventId, :version, :correlationId, :headline, :summary, :body, :publishedAt
				WHERE NOT EXISTS (SELECT 1 FROM announcement WHERE application_id = :applicationId)
				""")
			.param("id", id)
			.param("applicationId", membership.applicationId())
			.param("eventId", membership.eventId())
			.param("version", membership.applicationVersion())
			.param("correlationId", membership.correlationId())
			.param("headline", text.headline())
			.param("summary", String.join("\n", text.summary()))
			.param("body", text.body())
			.param("publishedAt", publishedAt.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	Optional<Announcement> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM announcement WHERE id = :id")
			.param("id", id)
			.query(this::announcement)
			.optional();
	}

	Optional<Announcement> findByApplicationId(UUID applicationId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM announcement WHERE application_id = :applicationId")
			.param("applicationId", applicationId)
			.query(this::announcement)
			.optional();
	}

	List<Announcement> findNewestFirst(long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM announcement ORDER BY published_at DESC, id LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(this::announcement)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM announcement").query(Long.class).single();
	}

	private Announcement announcement(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new Announcement(id, rs.getObject("application_id", UUID.class), rs.getString("headline"),
				List.of(rs.getString("summary").split("\n")), rs.getString("body"),
				rs.getObject("published_at", OffsetDateTime.class).toInstant(),
				this.association.publicUrl() + "/announcements/" + id);
	}

}
