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
 * Staff list this service's dead letters and replay one. Under {@code /api/**}: the
 * service's security configuration lets only STAFF in.
 */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	/** Newest first, whatever {@code sort} says. */
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
