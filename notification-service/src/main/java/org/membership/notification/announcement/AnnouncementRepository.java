package org.membership.notification.announcement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.membership.support.association.AssociationProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code announcement} table (one row per application: draft, published or cancelled)
 * and {@code announcement_statement} (the contact's words to quote). Every change of a
 * row is conditional on its status and, where a person acts, on its version: of two
 * concurrent changes one wins and the other changes nothing.
 */
@Repository
class AnnouncementRepository {

	private static final String COLUMNS = "id, application_id, headline, summary, body, quotes, published_at, status,"
			+ " boilerplate, version, effective_from, organisation_name, tier, application_version,"
			+ " correlation_id, updated_by";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Announcement.Quote>> QUOTES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final AssociationProperties association;

	AnnouncementRepository(JdbcClient jdbc, AssociationProperties association) {
		this.jdbc = jdbc;
		this.association = association;
	}

	/**
	 * Inserts the draft unless the application already has its announcement (the unique
	 * constraint catches a concurrent insert; the listener then retries and finds the
	 * row).
	 * @return whether a row was inserted
	 */
	boolean insertDraftIfAbsent(UUID id, Membership membership, AnnouncementWriter.Text text,
			List<Announcement.Quote> quotes, boolean statementQuoted, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO announcement (id, application_id, event_id, application_version, correlation_id,
				    headline, summary, body, quotes, boilerplate, organisation_name, tier, effective_from, status,
				    version, statement_quoted, created_at, updated_at)
				SELECT :id, :applicationId, :eventId, :version, :correlationId, :headline, :summary, :body, :quotes,
				    :boilerplate, :organisationName, :tier, :effectiveFrom, 'DRAFT', 1, :statementQuoted, :now, :now
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
			.param("quotes", JSON.writeValueAsString(quotes))
			.param("boilerplate", text.boilerplate())
			.param("organisationName", membership.organisation().name())
			.param("tier", membership.tier())
			.param("effectiveFrom", Date.valueOf(membership.effectiveFrom()))
			.param("statementQuoted", statementQuoted)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/** A draft or announcement of any status. */
	Optional<Draft> findDraft(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM announcement WHERE id = :id")
			.param("id", id)
			.query(this::draft)
			.optional();
	}

	Optional<Draft> findDraftByApplicationId(UUID applicationId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM announcement WHERE application_id = :applicationId")
			.param("applicationId", applicationId)
			.query(this::draft)
			.optional();
	}

	/**
	 * The row, locked until the transaction ends: a second publication (another request,
	 * another instance) waits here and then finds it published.
	 */
	Optional<Draft> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM announcement WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::draft)
			.optional();
	}

	/** The application's row, locked until the transaction ends. */
	Optional<Draft> lockByApplicationId(UUID applicationId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM announcement WHERE application_id = :applicationId FOR UPDATE")
			.param("applicationId", applicationId)
			.query(this::draft)
			.optional();
	}

	Optional<Announcement> findPublished(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM announcement WHERE id = :id AND status = 'PUBLISHED'")
			.param("id", id)
			.query(this::announcement)
			.optional();
	}

	Optional<Announcement> findPublishedByApplicationId(UUID applicationId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM announcement WHERE application_id = :applicationId AND status = 'PUBLISHED'")
			.param("applicationId", applicationId)
			.query(this::announcement)
			.optional();
	}

	List<Announcement> findPublishedNewestFirst(long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM announcement WHERE status = 'PUBLISHED'"
					+ " ORDER BY published_at DESC, id LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(this::announcement)
			.list();
	}

	long countPublished() {
		return countByStatus(Announcement.Status.PUBLISHED);
	}

	/** Rows of one status, the newest draft first. */
	List<Draft> findByStatus(Announcement.Status status, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM announcement WHERE status = :status"
					+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("status", status.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(this::draft)
			.list();
	}

	long countByStatus(Announcement.Status status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM announcement WHERE status = :status")
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Replaces the texts of a draft still at {@code version}.
	 * @return whether it was changed
	 */
	boolean edit(UUID id, long version, String headline, List<String> summary, String body,
			List<Announcement.Quote> quotes, String by, Instant now) {
		return this.jdbc.sql("""
				UPDATE announcement SET headline = :headline, summary = :summary, body = :body, quotes = :quotes,
				    version = version + 1, updated_by = :by, updated_at = :now
				WHERE id = :id AND version = :version AND status = 'DRAFT'
				""")
			.param("id", id)
			.param("version", version)
			.param("headline", headline)
			.param("summary", String.join("\n", summary))
			.param("body", body)
			.param("quotes", JSON.writeValueAsString(quotes))
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * Adds the contact's statement to a draft's quotes, once.
	 * @return whether it was added
	 */
	boolean addStatementQuote(UUID id, long version, List<Announcement.Quote> quotes, Instant now) {
		return this.jdbc.sql("""
				UPDATE announcement SET quotes = :quotes, statement_quoted = TRUE, version = version + 1,
				    updated_at = :now
				WHERE id = :id AND version = :version AND status = 'DRAFT' AND statement_quoted = FALSE
				""")
			.param("id", id)
			.param("version", version)
			.param("quotes", JSON.writeValueAsString(quotes))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * Publishes a draft still at {@code version}, with its texts as of the publication.
	 * @return whether it was published (false: someone else changed or published it)
	 */
	boolean publish(UUID id, long version, AnnouncementWriter.Text text, LocalDate effectiveFrom,
			long applicationVersion, String by, Instant now) {
		return this.jdbc.sql("""
				UPDATE announcement SET status = 'PUBLISHED', published_at = :now, published_by = :by,
				    headline = :headline, summary = :summary, body = :body, boilerplate = :boilerplate,
				    effective_from = :effectiveFrom, application_version = :applicationVersion,
				    version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version AND status = 'DRAFT'
				""")
			.param("id", id)
			.param("version", version)
			.param("effectiveFrom", Date.valueOf(effectiveFrom))
			.param("headline", text.headline())
			.param("summary", String.join("\n", text.summary()))
			.param("body", text.body())
			.param("boilerplate", text.boilerplate())
			.param("applicationVersion", applicationVersion)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * Cancels the application's draft, unless the event is older than what the row
	 * follows.
	 * @return whether it was cancelled
	 */
	boolean cancel(UUID applicationId, long applicationVersion, Instant now) {
		return this.jdbc.sql("""
				UPDATE announcement SET status = 'CANCELLED', application_version = :applicationVersion,
				    version = version + 1, updated_at = :now
				WHERE application_id = :applicationId AND status = 'DRAFT' AND application_version < :applicationVersion
				""")
			.param("applicationId", applicationId)
			.param("applicationVersion", applicationVersion)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * Moves a draft (still at {@code version}) to another effective date, with its texts.
	 * @return whether it was changed
	 */
	boolean redate(UUID id, long version, LocalDate effectiveFrom, AnnouncementWriter.Text text,
			long applicationVersion, Instant now) {
		return this.jdbc.sql("""
				UPDATE announcement SET effective_from = :effectiveFrom, headline = :headline, summary = :summary,
				    body = :body, boilerplate = :boilerplate, application_version = :applicationVersion,
				    version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version AND status = 'DRAFT'
				""")
			.param("id", id)
			.param("version", version)
			.param("effectiveFrom", Date.valueOf(effectiveFrom))
			.param("headline", text.headline())
			.param("summary", String.join("\n", text.summary()))
			.param("body", text.body())
			.param("boilerplate", text.boilerplate())
			.param("applicationVersion", applicationVersion)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * Remembers what the contact said, once per application: inserts the row, or fills
	 * the one a draft reserved.
	 */
	void rememberStatement(Statement statement) {
		int inserted = this.jdbc.sql("""
				INSERT INTO announcement_statement (application_id, received, contact_name, contact_role,
				    organisation_name, statement)
				SELECT :applicationId, TRUE, :name, :role, :organisation, :statement
				WHERE NOT EXISTS (SELECT 1 FROM announcement_statement WHERE application_id = :applicationId)
				""")
			.param("applicationId", statement.applicationId())
			.param("name", (statement.contactName() != null) ? statement.contactName() : "")
			.param("role", statement.contactRole())
			.param("organisation", statement.organisationName())
			.param("statement", statement.text())
			.update();
		if (inserted == 0) {
			this.jdbc.sql("""
					UPDATE announcement_statement SET received = TRUE, contact_name = :name, contact_role = :role,
					    organisation_name = :organisation, statement = :statement
					WHERE application_id = :applicationId AND received = FALSE
					""")
				.param("applicationId", statement.applicationId())
				.param("name", (statement.contactName() != null) ? statement.contactName() : "")
				.param("role", statement.contactRole())
				.param("organisation", statement.organisationName())
				.param("statement", statement.text())
				.update();
		}
	}

	/**
	 * What the contact said, the row locked until the transaction ends; a row is reserved
	 * first when there is none (see V7__announcement_drafts.sql), so that a concurrent
	 * ApplicationReceived meets this transaction on its key.
	 * @return the statement; empty while ApplicationReceived has not arrived
	 */
	Optional<Statement> lockStatement(UUID applicationId, String organisationName) {
		this.jdbc.sql("""
				INSERT INTO announcement_statement (application_id, received, contact_name, organisation_name)
				SELECT :applicationId, FALSE, '', :organisation
				WHERE NOT EXISTS (SELECT 1 FROM announcement_statement WHERE application_id = :applicationId)
				""").param("applicationId", applicationId).param("organisation", organisationName).update();
		return this.jdbc.sql("""
				SELECT application_id, received, contact_name, contact_role, organisation_name, statement
				FROM announcement_statement WHERE application_id = :applicationId FOR UPDATE
				""")
			.param("applicationId", applicationId)
			.query(AnnouncementRepository::statement)
			.optional()
			.flatMap((statement) -> statement);
	}

	private static Optional<Statement> statement(ResultSet rs, int row) throws SQLException {
		if (!rs.getBoolean("received")) {
			return Optional.empty();
		}
		return Optional.of(new Statement(rs.getObject("application_id", UUID.class), rs.getString("contact_name"),
				rs.getString("contact_role"), rs.getString("organisation_name"), rs.getString("statement")));
	}

	private Draft draft(ResultSet rs, int row) throws SQLException {
		Date effectiveFrom = rs.getDate("effective_from");
		return new Draft(announcement(rs, row), rs.getLong("version"),
				(effectiveFrom != null) ? effectiveFrom.toLocalDate() : null, rs.getString("organisation_name"),
				rs.getString("tier"), rs.getLong("application_version"), rs.getString("correlation_id"),
				rs.getString("updated_by"));
	}

	private Announcement announcement(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		OffsetDateTime publishedAt = rs.getObject("published_at", OffsetDateTime.class);
		String summary = rs.getString("summary");
		return new Announcement(id, rs.getObject("application_id", UUID.class), rs.getString("headline"),
				summary.isEmpty() ? List.of() : Arrays.asList(summary.split("\n")), rs.getString("body"),
				List.copyOf(JSON.readValue(rs.getString("quotes"), QUOTES)),
				(publishedAt != null) ? publishedAt.toInstant() : null,
				this.association.publicUrl() + "/announcements/" + id,
				Announcement.Status.valueOf(rs.getString("status")), rs.getString("boilerplate"));
	}

}
