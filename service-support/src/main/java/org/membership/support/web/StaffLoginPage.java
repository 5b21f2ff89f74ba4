package org.membership.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff login form in the common look (instead of Spring Security's default page), on
 * a service with pages for staff (a staff console, the dead letters); elsewhere
 * {@code /login} does not exist.
 */
@Controller
public class StaffLoginPage {

	/** Where the form is shown and posted. */
	public static final String PATH = "/login";

	private final boolean console;

	StaffLoginPage(boolean console) {
		this.console = console;
	}

	@GetMapping(PATH)
	String login() {
		if (!this.console) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "membership/login";
	}

}
