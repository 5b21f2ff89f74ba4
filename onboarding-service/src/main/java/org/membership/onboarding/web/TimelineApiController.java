package org.membership.onboarding.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.onboarding.timeline.ApplicationTimelines;
import org.membership.onboarding.timeline.Timeline;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/applications/{id}/timeline} (STAFF, by {@code system.SecurityRules}):
 * what Kafka holds of one application.
 */
@RestController
@Tag(name = "Applications")
class TimelineApiController {

	private final ApplicationTimelines timelines;

	TimelineApiController(ApplicationTimelines timelines) {
		this.timelines = timelines;
	}

	@Operation(summary = "One application's events on every topic",
			description = "Oldest first, read from Kafka by the application's key: topic, partition, offset, event type,"
					+ " event id, time, version, the consumer groups whose committed offsets have passed each record"
					+ " and those whose dead-letter topic holds it. Bounded in records and time"
					+ " (membership.onboarding.timeline.*): complete is false, with the reasons, when a bound was hit.")
	@GetMapping(path = "/api/applications/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
	Timeline timeline(@PathVariable UUID id) {
		return this.timelines.of(id);
	}

}
