package org.membership.onboarding.application;

import java.util.UUID;

import org.membership.support.problem.ConflictException;

/**
 * A decision or state change came too late: the application is no longer in the state it
 * needs. Answered 409 with the application's current status.
 */
public class ApplicationAlreadyDecidedException extends ConflictException {

	private final UUID id;

	private final ApplicationStatus status;

	public ApplicationAlreadyDecidedException(UUID id, ApplicationStatus status) {
		super("already-decided", "Already decided",
				"The application is already " + status + "; it can no longer be decided.");
		this.id = id;
		this.status = status;
		setProperty("id", id);
		setProperty("currentStatus", status);
	}

	public UUID getId() {
		return this.id;
	}

	public ApplicationStatus getStatus() {
		return this.status;
	}

}
