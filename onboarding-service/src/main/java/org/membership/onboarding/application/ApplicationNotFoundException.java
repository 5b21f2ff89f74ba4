package org.membership.onboarding.application;

import java.util.UUID;

import org.membership.support.problem.NotFoundException;

/**
 * No application has this id (or the caller may not know that it has): answered 404 with
 * the same words either way.
 */
public class ApplicationNotFoundException extends NotFoundException {

	private final UUID id;

	public ApplicationNotFoundException(UUID id) {
		super("No such application.");
		this.id = id;
	}

	public UUID getId() {
		return this.id;
	}

}
