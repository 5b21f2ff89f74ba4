package org.membership.notification.acknowledgement;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code application_state} table: per application, the newest effective date with
 * the applicationVersion that set it, and the version of its withdrawal. Lets the mails
 * of an application's events, which may be consumed in any order, tell what is true now.
 */
@Repository
class ApplicationStates {

	private final JdbcClient jdbc;

	ApplicationStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The application's row, created if absent and locked until the caller's transaction
	 * ends: the events of one application, consumed by different listeners, are handled
	 * one after the other. Two first events racing fail one insert on the primary key;
	 * the error handler retries that one, which then finds the row.
	 */
	State lock(UUID applicationId) {
		this.jdbc.sql("""
				INSERT INTO application_state (application_id)
				SELECT :applicationId
				WHERE NOT EXISTS (SELECT 1 FROM application_state WHERE application_id = :applicationId)
				""").param("applicationId", applicationId).update();
		return this.jdbc.sql("""
				SELECT withdrawn_version, effective_from, effective_from_version FROM application_state
				WHERE application_id = :applicationId FOR UPDATE
				""")
			.param("applicationId", applicationId)
			.query((rs, row) -> new State(rs.getObject("withdrawn_version", Long.class),
					rs.getObject("effective_from", LocalDate.class),
					rs.getObject("effective_from_version", Long.class)))
			.single();
	}

	/** Records a withdrawal; the highest version stays. */
	void withdrawn(UUID applicationId, long version) {
		this.jdbc.sql("""
				UPDATE application_state SET withdrawn_version = :version
				WHERE application_id = :applicationId AND (withdrawn_version IS NULL OR withdrawn_version < :version)
				""").param("applicationId", applicationId).param("version", version).update();
	}

	/**
	 * Records the effective date an event of {@code version} set, if no newer one did.
	 */
	void effectiveFrom(UUID applicationId, LocalDate effectiveFrom, long version) {
		this.jdbc.sql("""
				UPDATE application_state SET effective_from = :effectiveFrom, effective_from_version = :version
				WHERE application_id = :applicationId
				    AND (effective_from_version IS NULL OR effective_from_version < :version)
				""")
			.param("applicationId", applicationId)
			.param("effectiveFrom", effectiveFrom)
			.param("version", version)
			.update();
	}

	/**
	 * What is known of one application.
	 *
	 * @param withdrawnVersion the version of its withdrawal, {@code null} if none arrived
	 * @param effectiveFrom the newest effective date, {@code null} if none arrived
	 * @param effectiveFromVersion the version of the event that set it
	 */
	record State(Long withdrawnVersion, LocalDate effectiveFrom, Long effectiveFromVersion) {

		/** Withdrawn by a change newer than {@code version}. */
		boolean withdrawnAfter(long version) {
			return this.withdrawnVersion != null && this.withdrawnVersion > version;
		}

		/** A newer event than {@code version} set the effective date. */
		boolean newerDateThan(long version) {
			return this.effectiveFromVersion != null && this.effectiveFromVersion > version;
		}

	}

}
