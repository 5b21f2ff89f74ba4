package org.membership.support.problem;

import org.springframework.http.HttpStatus;

/** Nothing at this address (or nothing the caller may know of): 404. */
public class NotFoundException extends ProblemException {

	public NotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

}
