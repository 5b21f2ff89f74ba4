package org.membership.onboarding.application;

import java.util.UUID;

/** No application has this id (or the caller may not know that it has). */
public class ApplicationNotFoundException extends RuntimeException {

	public ApplicationNotFoundException(UUID id) {
		super("No application " + id);
	}

}
