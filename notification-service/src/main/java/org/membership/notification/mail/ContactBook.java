package org.membership.notification.mail;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact person of each application. Only ApplicationReceived carries the contact;
 * the decision and welcome mails are addressed from what is kept here. A mail for an
 * application whose contact is not known yet waits (PENDING, no recipient) and is
 * released when the contact becomes known, or FAILED after {@code contact-wait}
 * ({@link WaitingMails#expire()}).
 */
@Component
public class ContactBook {

	private final JdbcClient jdbc;

	private final WaitingMails waitingMails;

	ContactBook(JdbcClient jdbc, WaitingMails waitingMails) {
		this.jdbc = jdbc;
		this.waitingMails = waitingMails;
	}

	/**
	 * Keeps the contact (the first one seen wins) and, in the same transaction, releases
	 * the mails that waited for it: whoever makes a contact known cannot forget them.
	 */
	@Transactional
	public void rememberAndReleaseWaitingMails(UUID applicationId, Contact contact) {
		this.jdbc.sql("""
				INSERT INTO contact (application_id, name, email, organisation_name)
				SELECT :applicationId, :name, :email, :organisationName
				WHERE NOT EXISTS (SELECT 1 FROM contact WHERE application_id = :applicationId)
				""")
			.param("applicationId", applicationId)
			.param("name", contact.name())
			.param("email", contact.email())
			.param("organisationName", contact.organisationName())
			.update();
		this.waitingMails.release(applicationId);
	}

	Optional<Contact> find(UUID applicationId) {
		return this.jdbc.sql("SELECT name, email, organisation_name FROM contact WHERE application_id = :applicationId")
			.param("applicationId", applicationId)
			.query((rs, n) -> new Contact(rs.getString("name"), rs.getString("email"),
					rs.getString("organisation_name")))
			.optional();
	}

	/**
	 * A contact person.
	 *
	 * @param name the full name
	 * @param organisationName the organisation applying (the rejection does not carry it)
	 */
	public record Contact(String name, String email, String organisationName) {

	}

}
