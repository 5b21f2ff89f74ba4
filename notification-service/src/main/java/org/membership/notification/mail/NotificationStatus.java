package org.membership.notification.mail;

/** Where a notification stands. */
public enum NotificationStatus {

	/** Waiting to be sent (again), from {@code next_attempt_at}. */
	PENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/** Gave up after the last attempt; listed for staff. */
	FAILED

}
