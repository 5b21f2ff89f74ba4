package org.membership.onboarding.application;

import java.util.UUID;

/**
 * A decision or state change came too late: the application is no longer in the state it
 * needs.
 */
public class ApplicationAlreadyDecidedException extends RuntimeException {

	private final UUID id;

	private final ApplicationStatus status;

	public ApplicationAlreadyDecidedException(UUID id, ApplicationStatus status) {
		super("Application " + id + " is already " + status);
		this.id = id;
		this.status = status;
	}

	public UUID getId() {
		return this.id;
	}

	public ApplicationStatus getStatus() {
		return this.status;
	}

}
