package org.membership.directory.web;

/** Nothing at this address: answered 404 with problem details. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
