package org.membership.onboarding.application;

import java.util.UUID;

import org.membership.support.problem.ConflictException;

/**
 * A change the application's current status forbids: a withdrawal of an application that
 * took effect, was rejected or withdrawn, or a new effective date for one that is not
 * approved (any more). Answered 409 with the application's current status.
 */
public class ApplicationStateConflictException extends ConflictException {

	private final ApplicationStatus status;

	private ApplicationStateConflictException(UUID id, ApplicationStatus status, String slug, String title,
			String detail) {
		super(slug, title, detail);
		this.status = status;
		setProperty("id", id);
		setProperty("currentStatus", status);
	}

	static ApplicationStateConflictException notWithdrawable(UUID id, ApplicationStatus status) {
		return new ApplicationStateConflictException(id, status, "not-withdrawable", "Cannot be withdrawn",
				"The application is " + status
						+ "; only a submitted or approved application that has not taken effect can be withdrawn.");
	}

	static ApplicationStateConflictException notApproved(UUID id, ApplicationStatus status) {
		return new ApplicationStateConflictException(id, status, "not-approved", "Not approved", "The application is "
				+ status + "; only an approved application that has not taken effect gets a new effective date.");
	}

	static ApplicationStateConflictException changedMeanwhile(UUID id, ApplicationStatus status) {
		return new ApplicationStateConflictException(id, status, "changed-meanwhile", "Changed meanwhile",
				"The application changed while this request was handled (it is now " + status + "); reload it.");
	}

	public ApplicationStatus getStatus() {
		return this.status;
	}

}
