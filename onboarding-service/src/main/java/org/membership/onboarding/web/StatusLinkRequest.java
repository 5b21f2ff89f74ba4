package org.membership.onboarding.web;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request for a new status link.
 *
 * @param reference the application's id, as the confirmation shows it
 * @param email the contact's e-mail address given in the application, in any case
 */
record StatusLinkRequest(@NotNull UUID reference,
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be an e-mail address, e.g. name@example.org") String email) {

	StatusLinkRequest {
		// as pasted, with spaces around it
		email = (email != null) ? email.strip() : null;
	}

}
