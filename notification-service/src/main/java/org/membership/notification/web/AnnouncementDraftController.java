package org.membership.notification.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Draft;
import org.membership.notification.announcement.DraftEdit;
import org.membership.support.problem.ProblemException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff: the drafts of the welcome announcements, their edits (optimistic: the
 * {@code ETag} read must come back as {@code If-Match}) and their publication.
 */
@RestController
@Tag(name = "Announcement drafts", description = "Staff edit and publish the welcome announcements")
class AnnouncementDraftController {

	private static final Pattern ETAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

	private final AnnouncementDrafts drafts;

	AnnouncementDraftController(AnnouncementDrafts drafts) {
		this.drafts = drafts;
	}

	@Operation(summary = "List the announcements of one status",
			description = "DRAFT unless asked otherwise; the newest draft first.")
	@GetMapping(path = "/api/announcements/drafts", produces = "application/json")
	Page<Announcement> list(@RequestParam(defaultValue = "DRAFT") Announcement.Status status, Pageable pageable) {
		List<Announcement> content = this.drafts.list(status, pageable.getOffset(), pageable.getPageSize())
			.stream()
			.map(Draft::announcement)
			.toList();
		return new PageImpl<>(content, pageable, this.drafts.count(status));
	}

	@Operation(summary = "One draft, with its ETag")
	@GetMapping(path = "/api/announcements/drafts/{id}", produces = "application/json")
	ResponseEntity<Announcement> one(@PathVariable UUID id) {
		Draft draft = this.drafts.find(id);
		return ResponseEntity.ok().eTag(draft.etag()).body(draft.announcement());
	}

	@Operation(summary = "Replace a draft's texts",
			description = "Plain text. If-Match must carry the ETag last read: without it 428, stale 412;"
					+ " a published or cancelled announcement 409.",
			responses = { @ApiResponse(responseCode = "200", description = "Saved; the new ETag in the header"),
					@ApiResponse(responseCode = "412", description = "The draft changed since the ETag in If-Match",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									schema = @Schema(ref = "#/components/schemas/ProblemDetail"))),
					@ApiResponse(responseCode = "428", description = "No If-Match",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									schema = @Schema(ref = "#/components/schemas/ProblemDetail"))) })
	@PutMapping(path = "/api/announcements/drafts/{id}", consumes = "application/json", produces = "application/json")
	ResponseEntity<Announcement> edit(@PathVariable UUID id,
			@Parameter(description = "the ETag of the draft as last read") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch,
			@Valid @RequestBody DraftEdit edit, Principal staff) {
		Draft draft = this.drafts.edit(id, version(ifMatch), edit, staff.getName());
		return ResponseEntity.ok().eTag(draft.etag()).body(draft.announcement());
	}

	@Operation(summary = "Publish a draft now",
			description = "Page, feed, AnnouncementPublished and the welcome mail, once; a published or cancelled"
					+ " announcement 409.")
	@PostMapping(path = "/api/announcements/drafts/{id}/publication", produces = "application/json")
	Announcement publish(@PathVariable UUID id, Principal staff) {
		return this.drafts.publish(id, staff.getName());
	}

	private static long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
					"Send the draft's ETag as If-Match, so that an edit never overwrites one you have not seen.");
		}
		Matcher matcher = ETAG.matcher(ifMatch);
		if (!matcher.matches()) {
			throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-draft", "Draft changed",
					"If-Match " + ifMatch + " is not an ETag of this draft; read it again.");
		}
		return Long.parseLong(matcher.group(1));
	}

}
