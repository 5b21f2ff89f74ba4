package org.membership.directory.member;

/** What applying an event did to the directory. */
enum Outcome {

	/** The member row was created or changed. */
	APPLIED,

	/** The eventId had been processed before: nothing changed. */
	DUPLICATE,

	/** A newer (or equal) applicationVersion was already applied: nothing changed. */
	STALE

}
