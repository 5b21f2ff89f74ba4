package org.membership.support.deadletter;

import java.security.Principal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff list this service's dead letters and replay one: STAFF only in every service
 * ({@link DeadLetterAutoConfiguration} declares the paths staff-only).
 */
@RestController
@RequestMapping(DeadLetterController.PATH)
class DeadLetterController {

	static final String PATH = "/api/dead-letters";

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	/** Newest first, a fixed order: a {@code sort} parameter is answered 400. */
	@GetMapping
	PagedModel<DeadLetter> list(Pageable pageable) {
		return new PagedModel<>(this.deadLetters.list(pageable));
	}

	@PostMapping("/{topic}/{partition}/{offset}/replay")
	DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
			Principal staff) {
		return this.deadLetters.replay(new Address(topic, partition, offset),
				(staff != null) ? staff.getName() : "unknown");
	}

}
