package org.membership.onboarding.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The applications, their history and Idempotency-Keys, in plain SQL. Every state change
 * is a conditional {@code UPDATE ... WHERE status = <expected>}: of several writers at
 * once exactly one changes the row, the others see 0 rows and lose, on H2 and PostgreSQL
 * alike.
 */
@Repository
public class ApplicationRepository {

	private static final String COLUMNS = """
			id, status, version, correlation_id, org_name, org_legal_name, org_country, org_city, org_website,
			org_type, org_founded_on, org_member_count, org_description, requested_tier, contact_name,
			contact_role, contact_email, submitted_at, tier, effective_from, decision_note, rejection_reason,
			decided_by, decided_at, effective_at, withdrawn_as, withdrawn_by, withdrawal_reason, withdrawn_at,
			org_aims, statement_text""";

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Application application, String statusTokenHash) {
		ApplyingOrganisation organisation = application.organisation();
		ContactPerson contact = application.contact();
		this.jdbc.sql("""
				INSERT INTO membership_application (id, status, version, correlation_id, org_name, org_legal_name,
					org_country, org_city, org_website, org_type, org_founded_on, org_member_count, org_description,
					requested_tier, contact_name, contact_role, contact_email, status_token_hash, submitted_at,
					org_aims, statement_text)
				VALUES (:id, :status, :version, :correlationId, :name, :legalName, :country, :city, :website, :type,
					:foundedOn, :memberCount, :description, :tier, :contactName, :contactRole, :contactEmail,
					:tokenHash, :submittedAt, :aims, :statement)""")
			.param("id", application.id())
			.param("status", application.status().name())
			.param("version", application.version())
			.param("correlationId", application.correlationId())
			.param("name", organisation.name())
			.param("legalName", organisation.legalName())
			.param("country", organisation.country())
			.param("city", organisation.city())
			.param("website", organisation.website())
			.param("type", organisation.type().name())
			.param("foundedOn", organisation.foundedOn())
			.param("memberCount", organisation.memberCount())
			.param("description", organisation.description())
			.param("tier", application.requestedTier())
			.param("contactName", contact.name())
			.param("contactRole", contact.role())
			.param("contactEmail", contact.email())
			.param("tokenHash", statusTokenHash)
			.param("submittedAt", timestamp(application.submittedAt()))
			.param("aims", organisation.aims())
			.param("statement", (application.statement() != null) ? application.statement().text() : null)
			.update();
	}

	/** Records a state change in the history. */
	void addHistory(UUID id, HistoryEntry entry) {
		this.jdbc.sql("""
				INSERT INTO application_history (application_id, version, status, actor, occurred_at, detail)
				VALUES (:id, :version, :status, :actor, :occurredAt, :detail)""")
			.param("id", id)
			.param("version", entry.version())
			.param("status", entry.status().name())
			.param("actor", entry.actor())
			.param("occurredAt", timestamp(entry.occurredAt()))
			.param("detail", entry.detail())
			.update();
	}

	public Optional<Application> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE id = :id")
			.param("id", id)
			.query(ApplicationRepository::application)
			.optional();
	}

	/** The SHA-256 of the application's status token, if the application exists. */
	public Optional<String> findStatusTokenHash(UUID id) {
		return this.jdbc.sql("SELECT status_token_hash FROM membership_application WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	public List<HistoryEntry> history(UUID id) {
		return this.jdbc.sql("""
				SELECT version, status, actor, occurred_at, detail FROM application_history
				WHERE application_id = :id ORDER BY version""")
			.param("id", id)
			.query((rs, row) -> new HistoryEntry(rs.getLong("version"),
					ApplicationStatus.valueOf(rs.getString("status")), rs.getString("actor"),
					instant(rs, "occurred_at"), rs.getString("detail")))
			.list();
	}

	/** A page of applications, oldest first, optionally of one status. */
	public Page<Application> findAll(ApplicationStatus status, Pageable pageable) {
		String where = (status != null) ? " WHERE status = :status" : "";
		var count = this.jdbc.sql("SELECT COUNT(*) FROM membership_application" + where);
		var select = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM membership_application" + where
					+ " ORDER BY submitted_at, id LIMIT :limit OFFSET :offset")
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset());
		if (status != null) {
			count = count.param("status", status.name());
			select = select.param("status", status.name());
		}
		long total = count.query(Long.class).single();
		return new PageImpl<>(select.query(ApplicationRepository::application).list(), pageable, total);
	}

	/**
	 * A page of the SUBMITTED applications, oldest first: those submitted before
	 * {@code cutoff} ({@code before}) or the others.
	 */
	public Page<Application> findSubmitted(boolean before, Instant cutoff, Pageable pageable) {
		String where = " WHERE status = 'SUBMITTED' AND submitted_at " + (before ? "<" : ">=") + " :cutoff";
		long total = this.jdbc.sql("SELECT COUNT(*) FROM membership_application" + where)
			.param("cutoff", timestamp(cutoff))
			.query(Long.class)
			.single();
		List<Application> content = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM membership_application" + where
					+ " ORDER BY submitted_at, id LIMIT :limit OFFSET :offset")
			.param("cutoff", timestamp(cutoff))
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(ApplicationRepository::application)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * Replaces the status token's hash if {@code email} is the contact's address (case
	 * insensitive) and the token was not renewed after {@code renewedNotAfter}: one
	 * conditional update, so of several requests at once at most one renews.
	 * @return whether this call replaced the token
	 */
	boolean renewStatusToken(UUID id, String email, String tokenHash, Instant now, Instant renewedNotAfter) {
		return this.jdbc.sql("""
				UPDATE membership_application SET status_token_hash = :tokenHash, status_link_renewed_at = :now
				WHERE id = :id AND LOWER(contact_email) = LOWER(:email)
					AND (status_link_renewed_at IS NULL OR status_link_renewed_at <= :renewedNotAfter)""")
			.param("id", id)
			.param("email", email)
			.param("tokenHash", tokenHash)
			.param("now", timestamp(now))
			.param("renewedNotAfter", timestamp(renewedNotAfter))
			.update() == 1;
	}

	/**
	 * SUBMITTED to APPROVED, only if it is still SUBMITTED.
	 * @return whether this call made the change
	 */
	boolean approve(UUID id, String tier, LocalDate effectiveFrom, String note, String decidedBy, Instant decidedAt) {
		return this.jdbc.sql("""
				UPDATE membership_application
				SET status = 'APPROVED', version = version + 1, tier = :tier, effective_from = :effectiveFrom,
					decision_note = :note, decided_by = :decidedBy, decided_at = :decidedAt
				WHERE id = :id AND status = 'SUBMITTED'""")
			.param("id", id)
			.param("tier", tier)
			.param("effectiveFrom", effectiveFrom)
			.param("note", note)
			.param("decidedBy", decidedBy)
			.param("decidedAt", timestamp(decidedAt))
			.update() == 1;
	}

	/**
	 * SUBMITTED to REJECTED, only if it is still SUBMITTED.
	 * @return whether this call made the change
	 */
	boolean reject(UUID id, String reason, String decidedBy, Instant decidedAt) {
		return this.jdbc.sql("""
				UPDATE membership_application
				SET status = 'REJECTED', version = version + 1, rejection_reason = :reason,
					decided_by = :decidedBy, decided_at = :decidedAt
				WHERE id = :id AND status = 'SUBMITTED'""")
			.param("id", id)
			.param("reason", reason)
			.param("decidedBy", decidedBy)
			.param("decidedAt", timestamp(decidedAt))
			.update() == 1;
	}

	/**
	 * APPROVED to EFFECTIVE, only if it is still APPROVED and its effectiveFrom is at
	 * most {@code today}.
	 * @return whether this call made the change
	 */
	boolean makeEffective(UUID id, LocalDate today, Instant now) {
		return this.jdbc.sql("""
				UPDATE membership_application
				SET status = 'EFFECTIVE', version = version + 1, effective_at = :now
				WHERE id = :id AND status = 'APPROVED' AND effective_from <= :today""")
			.param("id", id)
			.param("today", today)
			.param("now", timestamp(now))
			.update() == 1;
	}

	/**
	 * SUBMITTED or APPROVED to WITHDRAWN, only if it is still one of them: a withdrawal
	 * and an approval, a rejection or the effective date at once change the row one after
	 * the other, and a withdrawal after the membership took effect changes nothing.
	 * @return whether this call made the change
	 */
	boolean withdraw(UUID id, Withdrawer by, String actor, String reason, Instant withdrawnAt) {
		return this.jdbc.sql("""
				UPDATE membership_application
				SET status = 'WITHDRAWN', version = version + 1, withdrawn_as = :as, withdrawn_by = :actor,
					withdrawal_reason = :reason, withdrawn_at = :withdrawnAt
				WHERE id = :id AND status IN ('SUBMITTED', 'APPROVED')""")
			.param("id", id)
			.param("as", by.name())
			.param("actor", actor)
			.param("reason", reason)
			.param("withdrawnAt", timestamp(withdrawnAt))
			.update() == 1;
	}

	/**
	 * A new effectiveFrom for an APPROVED application, only if it is still APPROVED at
	 * {@code version} (the version the caller read the previous date at): of two changes,
	 * or a change and a withdrawal or the effective date at once, one wins.
	 * @return whether this call made the change
	 */
	boolean changeEffectiveFrom(UUID id, long version, LocalDate effectiveFrom) {
		return this.jdbc.sql("""
				UPDATE membership_application
				SET version = version + 1, effective_from = :effectiveFrom
				WHERE id = :id AND status = 'APPROVED' AND version = :version""")
			.param("id", id)
			.param("version", version)
			.param("effectiveFrom", effectiveFrom)
			.update() == 1;
	}

	/**
	 * Approved applications whose effectiveFrom is at most {@code today}, oldest first.
	 */
	public List<UUID> findDue(LocalDate today, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM membership_application
				WHERE status = 'APPROVED' AND effective_from <= :today
				ORDER BY effective_from, id LIMIT :limit""")
			.param("today", today)
			.param("limit", limit)
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
	}

	Optional<IdempotencyRecord> findIdempotencyRecord(String keyHash) {
		return this.jdbc.sql("""
				SELECT request_hash, application_id, sealed_token FROM idempotency_key WHERE key_hash = :keyHash""")
			.param("keyHash", keyHash)
			.query((rs, row) -> new IdempotencyRecord(rs.getString("request_hash"),
					rs.getObject("application_id", UUID.class), rs.getString("sealed_token")))
			.optional();
	}

	void insertIdempotencyRecord(String keyHash, IdempotencyRecord record, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO idempotency_key (key_hash, request_hash, application_id, sealed_token, created_at)
				VALUES (:keyHash, :requestHash, :applicationId, :sealedToken, :createdAt)""")
			.param("keyHash", keyHash)
			.param("requestHash", record.requestHash())
			.param("applicationId", record.applicationId())
			.param("sealedToken", record.sealedToken())
			.param("createdAt", timestamp(createdAt))
			.update();
	}

	/**
	 * What an Idempotency-Key stands for.
	 *
	 * @param requestHash SHA-256 of the canonical request
	 * @param applicationId the application it created
	 * @param sealedToken the status token, encrypted under the key and the request
	 */
	record IdempotencyRecord(String requestHash, UUID applicationId, String sealedToken) {
	}

	private static Application application(ResultSet rs, int row) throws SQLException {
		ApplyingOrganisation organisation = new ApplyingOrganisation(rs.getString("org_name"),
				rs.getString("org_legal_name"), rs.getString("org_country"), rs.getString("org_city"),
				rs.getString("org_website"), OrganisationType.valueOf(rs.getString("org_type")),
				rs.getObject("org_founded_on", LocalDate.class),
				(Integer) rs.getObject("org_member_count", Integer.class), rs.getString("org_description"),
				rs.getString("org_aims"));
		ContactPerson contact = new ContactPerson(rs.getString("contact_name"), rs.getString("contact_role"),
				rs.getString("contact_email"));
		String decidedBy = rs.getString("decided_by");
		String statement = rs.getString("statement_text");
		Application.Decision decision = (decidedBy != null) ? new Application.Decision(rs.getString("tier"),
				rs.getObject("effective_from", LocalDate.class), rs.getString("decision_note"),
				rs.getString("rejection_reason"), decidedBy, instant(rs, "decided_at")) : null;
		String withdrawnAs = rs.getString("withdrawn_as");
		Application.Withdrawal withdrawal = (withdrawnAs != null)
				? new Application.Withdrawal(Withdrawer.valueOf(withdrawnAs), rs.getString("withdrawn_by"),
						rs.getString("withdrawal_reason"), instant(rs, "withdrawn_at"))
				: null;
		return new Application(rs.getObject("id", UUID.class), ApplicationStatus.valueOf(rs.getString("status")),
				rs.getLong("version"), rs.getString("correlation_id"), organisation, rs.getString("requested_tier"),
				contact, instant(rs, "submitted_at"), decision, instant(rs, "effective_at"), withdrawal,
				(statement != null) ? new ContactStatement(statement) : null);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
