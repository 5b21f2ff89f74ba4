package org.membership.directory.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A second rebuild while one runs: 409. */
@ResponseStatus(HttpStatus.CONFLICT)
class RebuildInProgressException extends RuntimeException {

	RebuildInProgressException() {
		super("A rebuild is in progress");
	}

}
