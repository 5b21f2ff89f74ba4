package org.membership.directory.member;

/** What applying an event did to the directory. */
enum Outcome {

	/** The member row was created or changed. */
	APPLIED,

	/** The eventId had been processed before: nothing changed. */
	DUPLICATE,

	/**
	 * Nothing to change: the snapshot of a newer (or equal) applicationVersion is there,
	 * and the status is already as far as this event would move it; or the application
	 * was withdrawn, which no later event undoes.
	 */
	STALE

}
