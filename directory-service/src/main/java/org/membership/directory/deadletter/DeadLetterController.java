package org.membership.directory.deadletter;

import java.util.List;

import org.membership.directory.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** STAFF only (see system.SecurityRules): list dead letters and replay one. */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetter> list() {
		return this.deadLetters.list();
	}

	@PostMapping("/{topic}/{partition}/{offset}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeadLetters.Replayed replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
		return this.deadLetters.replay(topic, partition, offset)
			.orElseThrow(() -> new NotFoundException("No dead letter " + topic + "/" + partition + "/" + offset));
	}

}
