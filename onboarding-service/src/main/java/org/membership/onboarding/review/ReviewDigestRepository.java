package org.membership.onboarding.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per day's digest ({@code review_digest}). The day is the primary key and every
 * change is a conditional update, so that of several instances exactly one creates the
 * day, exactly one claims each attempt, and a digest that may have reached the SMTP
 * server is never claimed again.
 */
@Repository
class ReviewDigestRepository {

	private final JdbcClient jdbc;

	ReviewDigestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> status(LocalDate day) {
		return this.jdbc.sql("SELECT status FROM review_digest WHERE digest_date = :day")
			.param("day", day)
			.query(String.class)
			.optional();
	}

	/**
	 * Creates the day's row, PENDING and due at once.
	 * @return whether this call created it (another instance may have been first)
	 */
	boolean create(LocalDate day, Instant now) {
		try {
			return this.jdbc.sql("""
					INSERT INTO review_digest (digest_date, status, attempts, next_attempt_at)
					VALUES (:day, 'PENDING', 0, :now)""").param("day", day).param("now", timestamp(now)).update() == 1;
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	/**
	 * Claims the day's digest for one attempt, if it is PENDING and its next attempt is
	 * due.
	 * @return whether this call claimed it
	 */
	boolean claim(LocalDate day, Instant now, Instant until, String instance) {
		return this.jdbc.sql("""
				UPDATE review_digest SET status = 'SENDING', attempts = attempts + 1, claimed_until = :until,
					claimed_by = :instance
				WHERE digest_date = :day AND status = 'PENDING' AND next_attempt_at <= :now""")
			.param("day", day)
			.param("now", timestamp(now))
			.param("until", timestamp(until))
			.param("instance", instance)
			.update() == 1;
	}

	void markSent(LocalDate day, int overdue, Instant now) {
		finish(day, "SENT", overdue, now);
	}

	void markNothingOverdue(LocalDate day, Instant now) {
		finish(day, "NOTHING_OVERDUE", 0, now);
	}

	private void finish(LocalDate day, String status, int overdue, Instant now) {
		this.jdbc.sql("""
				UPDATE review_digest SET status = :status, overdue_count = :overdue, sent_at = :now,
					claimed_until = NULL
				WHERE digest_date = :day AND status = 'SENDING'""")
			.param("day", day)
			.param("status", status)
			.param("overdue", overdue)
			.param("now", timestamp(now))
			.update();
	}

	/** The attempt failed before the SMTP server accepted the mail: PENDING again. */
	void retryLater(LocalDate day, Instant next, String error) {
		this.jdbc.sql("""
				UPDATE review_digest SET status = 'PENDING', next_attempt_at = :next, last_error = :error,
					claimed_until = NULL
				WHERE digest_date = :day AND status = 'SENDING'""")
			.param("day", day)
			.param("next", timestamp(next))
			.param("error", (error.length() > 1000) ? error.substring(0, 1000) : error)
			.update();
	}

	/**
	 * A claim whose lease ran out: its instance stopped while sending, maybe after the
	 * SMTP server accepted the mail. UNKNOWN, never claimed again.
	 * @return whether this call found such a claim
	 */
	boolean abandonExpiredClaim(LocalDate day, Instant now) {
		return this.jdbc.sql("""
				UPDATE review_digest SET status = 'UNKNOWN', claimed_until = NULL
				WHERE digest_date <= :day AND status = 'SENDING' AND claimed_until < :now""")
			.param("day", day)
			.param("now", timestamp(now))
			.update() == 1;
	}

	/** Earlier days still PENDING (failing until the day ended): GAVE_UP. */
	int giveUpBefore(LocalDate day) {
		return this.jdbc.sql("""
				UPDATE review_digest SET status = 'GAVE_UP' WHERE digest_date < :day AND status = 'PENDING'""")
			.param("day", day)
			.update();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
