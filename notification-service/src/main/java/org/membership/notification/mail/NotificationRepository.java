package org.membership.notification.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table; SQL that runs the same on H2 and PostgreSQL. */
@Repository
class NotificationRepository {

	/**
	 * The due mails, oldest first. {@code ORDER BY status, next_attempt_at}, although the
	 * status is fixed: only then does H2 read the {@code notification_due} index in its
	 * order and stop at the limit. With {@code ORDER BY next_attempt_at} it read and
	 * sorted every pending row for each batch: with 99,000 pending mails (45,000
	 * organisations, issue 12) that was 92 % of the notification-service's processor
	 * time.
	 */
	static final String DUE = """
			SELECT id, attempts FROM notification
			WHERE status = 'PENDING' AND next_attempt_at <= :now AND recipient <> ''
			ORDER BY status, next_attempt_at
			LIMIT :limit
			""";

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts unless the event already caused a notification of this kind. The key is
	 * (event, kind) here, not (event, kind, recipient): the recipient of a waiting
	 * notification is filled in later, and a redelivery must find that row too. A
	 * concurrent duplicate insert fails on the unique constraint and the listener
	 * retries, finding the row.
	 * @return whether a row was inserted
	 */
	boolean insertIfAbsent(UUID id, NotificationRequest request, String recipient, ComposedMail mail, String model,
			Instant now) {
		return insertIfAbsent(id, request, recipient, mail, model, now, null);
	}

	/**
	 * As
	 * {@link #insertIfAbsent(UUID, NotificationRequest, String, ComposedMail, String, Instant)},
	 * keeping the {@code traceparent} the mail is to be sent in.
	 */
	boolean insertIfAbsent(UUID id, NotificationRequest request, String recipient, ComposedMail mail, String model,
			Instant now, String traceparent) {
		return this.jdbc.sql("""
				INSERT INTO notification (id, event_id, kind, recipient, application_id, subject, text_body,
				    html_body, model, status, attempts, next_attempt_at, created_at, traceparent)
				SELECT :id, :eventId, :kind, :recipient, :applicationId, :subject, :text, :html, :model, 'PENDING', 0,
				    :now, :now, CAST(:traceparent AS VARCHAR(55))
				WHERE NOT EXISTS (SELECT 1 FROM notification WHERE event_id = :eventId AND kind = :kind)
				""")
			.param("id", id)
			.param("eventId", request.eventId())
			.param("kind", request.kind().name())
			.param("recipient", recipient)
			.param("applicationId", request.applicationId())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("model", model)
			.param("now", utc(now))
			.param("traceparent", traceparent)
			.update() == 1;
	}

	/** The waiting notifications (no recipient yet) whose contact is now known. */
	List<Waiting> findWaitingWithKnownContact() {
		return this.jdbc.sql(WAITING + "WHERE n.recipient = '' AND n.status = 'PENDING'")
			.query(NotificationRepository::waiting)
			.list();
	}

	/** As {@link #findWaitingWithKnownContact()}, of one application. */
	List<Waiting> findWaitingWithKnownContact(UUID applicationId) {
		return this.jdbc
			.sql(WAITING + "WHERE n.application_id = :applicationId AND n.recipient = '' AND n.status = 'PENDING'")
			.param("applicationId", applicationId)
			.query(NotificationRepository::waiting)
			.list();
	}

	private static final String WAITING = """
			SELECT n.id, n.kind, n.model, c.name, c.email, c.organisation_name
			FROM notification n JOIN contact c ON c.application_id = n.application_id
			""";

	private static Waiting waiting(ResultSet rs, int row) throws SQLException {
		return new Waiting(rs.getObject("id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("model"), new ContactBook.Contact(rs.getString("name"), rs.getString("email"),
						rs.getString("organisation_name")));
	}

	/** Addresses a waiting notification, with its mail written again for the contact. */
	boolean release(UUID id, String recipient, ComposedMail mail) {
		return this.jdbc.sql("""
				UPDATE notification SET recipient = :recipient, subject = :subject, text_body = :text, html_body = :html
				WHERE id = :id AND recipient = '' AND status = 'PENDING'
				""")
			.param("id", id)
			.param("recipient", recipient)
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.update() == 1;
	}

	/**
	 * FAILs the notifications that have waited for their contact since before
	 * {@code cutoff}. One conditional update: of two instances expiring at once, each row
	 * is changed by exactly one, and a row already FAILED (or addressed) is never matched
	 * again.
	 * @param reason the {@code last_error}, after
	 * {@code "no contact known for application
	 * <id> "}
	 * @return how many rows this call changed
	 */
	int expireWaiting(Instant cutoff, String reason) {
		return this.jdbc.sql("""
				UPDATE notification
				SET status = 'FAILED', last_error = 'no contact known for application '
				    || CAST(application_id AS VARCHAR(36)) || ' ' || :reason
				WHERE status = 'PENDING' AND recipient = '' AND created_at < :cutoff
				""").param("cutoff", utc(cutoff)).param("reason", reason).update();
	}

	/**
	 * PENDING notifications due at {@code now} whose recipient is known, with the
	 * attempts counted so far: what {@link #claim} compares.
	 */
	List<Due> findDue(Instant now, int limit) {
		return this.jdbc.sql(DUE)
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Reserves a due notification for this instance until {@code leaseEnd} and counts the
	 * attempt, if nobody claimed it since {@link #findDue} saw it. A compare-and-set on
	 * {@code attempts}, which every claim increments (and only a claim moves
	 * {@code next_attempt_at} into the future): of two instances that saw the same row
	 * due, exactly one updates it, so a mail is never sent twice at once. Not on
	 * {@code next_attempt_at <= now}: with it, H2 planned this update on the
	 * {@code notification_due} index while the table was still empty and kept that plan,
	 * a scan of every due row per claim (issue 12).
	 * @param due the notification as {@link #findDue} found it
	 * @return whether this instance now owns the notification
	 */
	boolean claim(Due due, Instant leaseEnd) {
		return this.jdbc.sql("""
				UPDATE notification SET next_attempt_at = :leaseEnd, attempts = attempts + 1
				WHERE id = :id AND status = 'PENDING' AND attempts = :attempts AND recipient <> ''
				""")
			.param("id", due.id())
			.param("attempts", due.attempts())
			.param("leaseEnd", utc(leaseEnd))
			.update() == 1;
	}

	/** The claimed notifications, in the order of {@code ids}. */
	List<OutgoingMail> findOutgoing(List<UUID> ids) {
		Map<UUID, OutgoingMail> found = new HashMap<>();
		this.jdbc
			.sql("SELECT id, recipient, subject, text_body, html_body, attempts, application_id, event_id, kind, "
					+ "traceparent FROM notification WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new OutgoingMail(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
					rs.getInt("attempts"), rs.getObject("application_id", UUID.class),
					rs.getObject("event_id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
					rs.getString("traceparent")))
			.list()
			.forEach((mail) -> found.put(mail.id(), mail));
		return ids.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	/** Marks a mail the SMTP server accepted. */
	void markSent(UUID id, Instant now) {
		this.jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = :now, last_error = NULL WHERE id = :id")
			.param("id", id)
			.param("now", utc(now))
			.update();
	}

	void retryLater(UUID id, Instant nextAttemptAt, String error) {
		this.jdbc.sql("UPDATE notification SET next_attempt_at = :next, last_error = :error WHERE id = :id")
			.param("id", id)
			.param("next", utc(nextAttemptAt))
			.param("error", truncate(error))
			.update();
	}

	void markFailed(UUID id, String error) {
		this.jdbc.sql("UPDATE notification SET status = 'FAILED', last_error = :error WHERE id = :id")
			.param("id", id)
			.param("error", truncate(error))
			.update();
	}

	/**
	 * Blanks text, HTML and template variables of at most {@code limit} notifications
	 * SENT before {@code cutoff} whose text is not blank yet. Conditional, so that of two
	 * instances each row is blanked by one.
	 * @return how many rows this call changed
	 */
	int blankBodiesSentBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				UPDATE notification SET text_body = '', html_body = '', model = NULL
				WHERE id IN (
				    SELECT id FROM notification
				    WHERE status = 'SENT' AND sent_at < :cutoff AND text_body <> ''
				    LIMIT :limit)
				AND status = 'SENT' AND text_body <> ''
				""").param("cutoff", utc(cutoff)).param("limit", limit).update();
	}

	long countByStatus(NotificationStatus status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE status = :status")
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	List<Notification> findByStatus(NotificationStatus status, int offset, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM notification WHERE status = :status
				ORDER BY created_at DESC, id
				LIMIT :limit OFFSET :offset
				""")
			.param("status", status.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(NotificationRepository::notification)
			.list();
	}

	List<Notification> findByApplication(UUID applicationId) {
		return this.jdbc.sql("SELECT * FROM notification WHERE application_id = :applicationId ORDER BY created_at")
			.param("applicationId", applicationId)
			.query(NotificationRepository::notification)
			.list();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("application_id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("recipient"), rs.getString("subject"), NotificationStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				instant(rs, "created_at"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	// milliseconds: every database here stores them exactly, so a time written and
	// the same time compared later are equal (H2 would round nanoseconds up)
	private static OffsetDateTime utc(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String error) {
		return (error == null || error.length() <= 2000) ? error : error.substring(0, 2000);
	}

	/**
	 * A notification waiting for its contact.
	 *
	 * @param model its template variables (JSON)
	 * @param contact the contact now known
	 */
	record Waiting(UUID id, NotificationKind kind, String model, ContactBook.Contact contact) {

	}

	/**
	 * A due notification.
	 *
	 * @param attempts the attempts counted when it was found due
	 */
	record Due(UUID id, int attempts) {

	}

	/** What the sender needs of a claimed notification. */
	record OutgoingMail(UUID id, String recipient, String subject, String text, String html, int attempts,
			UUID applicationId, UUID eventId, NotificationKind kind, String traceparent) {

	}

}
