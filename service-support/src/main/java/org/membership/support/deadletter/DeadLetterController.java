package org.membership.support.deadletter;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Dead letters", description = "Records this service could not process, kept in its own dead-letter topics")
@RequestMapping(DeadLetterController.PATH)
class DeadLetterController {

	static final String PATH = "/api/dead-letters";

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	/** Newest first, a fixed order: a {@code sort} parameter is answered 400. */
	@Operation(operationId = "listDeadLetters", summary = "List this service's dead letters",
			description = "Newest first.")
	@GetMapping
	PagedModel<DeadLetter> list(Pageable pageable) {
		return new PagedModel<>(this.deadLetters.list(pageable));
	}

	@Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter in this service",
			description = "Reprocesses the record here only (nothing is published again); a second replay is 409.")
	@PostMapping("/{topic}/{partition}/{offset}/replay")
	DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
			Principal staff) {
		return this.deadLetters.replay(new Address(topic, partition, offset),
				(staff != null) ? staff.getName() : "unknown");
	}

}
