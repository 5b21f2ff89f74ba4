package org.membership.onboarding.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.onboarding.application.ApplicationNotFoundException;
import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.Submission;
import org.membership.onboarding.decision.DecisionService;
import org.membership.onboarding.review.ReviewTimes;
import org.membership.onboarding.statuslink.StatusLinks;
import org.membership.onboarding.statuslink.StatusPages;
import org.membership.support.problem.InvalidFieldException;
import org.membership.support.security.StaffSecurityRules;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API (docs/onboarding-service.md). Submitting and the applicant's status view
 * are public, a withdrawal takes the status token or a STAFF user; the list, the details,
 * the decisions and a new effective date need a STAFF user
 * ({@code system.SecurityRules}), by HTTP Basic or a staff token.
 */
@RestController
@Tag(name = "Applications", description = "Membership applications: submitted by applicants, decided by staff")
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationApiController {

	/**
	 * Idempotency-Keys longer than this, or with other than visible ASCII, are refused.
	 */
	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[!-~]{1,255}");

	private final Applications applications;

	private final DecisionService decisions;

	private final BulkApprovals bulkApprovals;

	private final ReviewTimes reviews;

	private final StatusPages statusPages;

	private final StatusLinks statusLinks;

	ApplicationApiController(Applications applications, DecisionService decisions, BulkApprovals bulkApprovals,
			ReviewTimes reviews, StatusPages statusPages, StatusLinks statusLinks) {
		this.applications = applications;
		this.decisions = decisions;
		this.bulkApprovals = bulkApprovals;
		this.reviews = reviews;
		this.statusPages = statusPages;
		this.statusLinks = statusLinks;
	}

	@Operation(summary = "Submit an application",
			description = "Anyone may submit. The answer's statusUrl is the applicant's private link to the status (JSON),"
					+ " statusPageUrl the absolute link to the status page; a lost link is replaced through"
					+ " POST /api/applications/status-link.",
			responses = { @ApiResponse(responseCode = "201", description = "Submitted"), @ApiResponse(
					responseCode = "200",
					description = "Submitted before with the same Idempotency-Key and body: the same application"),
					@ApiResponse(responseCode = "422",
							description = "The Idempotency-Key was used before with another body",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									schema = @Schema(ref = "#/components/schemas/ProblemDetail"))) })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApplicationViews.Submitted> submit(@Valid @RequestBody ApplicationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw new InvalidFieldException("Idempotency-Key",
					"must be 1 to 255 visible ASCII characters, e.g. a UUID");
		}
		Submission submission = this.applications.submit(request.toNewApplication(), idempotencyKey);
		var body = new ApplicationViews.Submitted(submission.id(), submission.status(),
				ApplicationViews.statusUrl(submission.id(), submission.statusToken()),
				this.statusPages.absolute(submission.id(), submission.statusToken()));
		return ResponseEntity.status(submission.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/applications/" + submission.id()))
			.body(body);
	}

	@Operation(summary = "List applications",
			description = "Oldest first; optionally of one status. overdue=true: only the submitted applications"
					+ " that have waited the review time (membership.association.review-time, 14 days by default)"
					+ " or longer; overdue=false: the other submitted ones. overdue needs status SUBMITTED or none.")
	@GetMapping
	PagedModel<ApplicationViews.Summary> list(@RequestParam(required = false) ApplicationStatus status,
			@RequestParam(required = false) Boolean overdue, Pageable pageable) {
		if (overdue == null) {
			return new PagedModel<>(this.applications.findAll(status, pageable)
				.map((application) -> ApplicationViews.Summary.of(application, this.reviews)));
		}
		if (status != null && status != ApplicationStatus.SUBMITTED) {
			throw new InvalidFieldException("overdue",
					"only submitted applications are overdue or not: use it with status=SUBMITTED or without status");
		}
		return new PagedModel<>(this.reviews.findSubmitted(overdue, pageable)
			.map((application) -> ApplicationViews.Summary.of(application, this.reviews)));
	}

	@Operation(summary = "One application with its history")
	@GetMapping("/{id}")
	ApplicationViews.Details details(@PathVariable UUID id) {
		return this.applications.find(id)
			.map((application) -> ApplicationViews.Details.of(application, this.applications.history(id)))
			.orElseThrow(() -> new ApplicationNotFoundException(id));
	}

	@Operation(summary = "Approve an application",
			description = "With a tier and the date the membership takes effect;"
					+ " a date today or in the past takes effect at once. Deciding a decided application is 409.")
	@PostMapping(path = "/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationViews.Decided approve(@PathVariable UUID id, @Valid @RequestBody DecisionRequests.Approval approval,
			Authentication staff) {
		return ApplicationViews.Decided.of(this.decisions.approve(id, approval.tier(), approval.effectiveFrom(),
				approval.note(), staff.getName()));
	}

	/**
	 * Many approvals at once: 200 with a result per item, in order (a status or a
	 * problem); only a malformed, empty or too long body fails as a whole.
	 */
	@Operation(summary = "Approve many applications at once",
			description = "At most 1,000 items; each is an approval of its own, answered in order with its status or its problem.")
	@PostMapping(path = "/approvals", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<BulkApprovals.Result> approveAll(@RequestBody List<DecisionRequests.BulkApproval> approvals,
			Authentication staff) {
		return this.bulkApprovals.approveAll(approvals, staff.getName());
	}

	@Operation(summary = "Reject an application", description = "Deciding a decided application is 409.")
	@PostMapping(path = "/{id}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationViews.Decided reject(@PathVariable UUID id, @Valid @RequestBody DecisionRequests.Rejection rejection,
			Authentication staff) {
		return ApplicationViews.Decided.of(this.decisions.reject(id, rejection.reason(), staff.getName()));
	}

	@Operation(summary = "Withdraw an application",
			description = "Before the membership takes effect (SUBMITTED or APPROVED), by the applicant with the token"
					+ " of the statusUrl (a body with a reason is optional), or by staff with their credentials and a"
					+ " body with the reason (required). A wrong or missing token without staff credentials is"
					+ " answered as an unknown application (404); credentials without the role STAFF are 403;"
					+ " an application that took effect, was rejected or withdrawn is 409.",
			responses = { @ApiResponse(responseCode = "200", description = "Withdrawn"),
					@ApiResponse(responseCode = "401",
							description = "Staff credentials (Basic or Bearer) given but wrong",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									schema = @Schema(ref = "#/components/schemas/ProblemDetail"))),
					@ApiResponse(responseCode = "403", description = "Credentials without the role STAFF",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									schema = @Schema(ref = "#/components/schemas/ProblemDetail"))),
					@ApiResponse(responseCode = "409", description = "Not (or no longer) withdrawable",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									schema = @Schema(ref = "#/components/schemas/ProblemDetail"))) })
	@PostMapping("/{id}/withdrawal")
	ApplicationViews.Withdrawn withdraw(@PathVariable String id, @RequestParam(required = false) String token,
			@Valid @RequestBody(required = false) DecisionRequests.Withdrawal withdrawal, Authentication caller) {
		UUID uuid = parse(id);
		String reason = (withdrawal != null) ? withdrawal.reason() : null;
		if (isAuthenticated(caller)) {
			if (!hasStaffRole(caller)) {
				throw new AccessDeniedException("A withdrawal by credentials needs the role STAFF");
			}
			return ApplicationViews.Withdrawn.of(this.decisions.withdraw(uuid, reason, caller.getName()));
		}
		// as the status endpoint: a malformed id, an unknown id and a wrong token answer
		// alike
		this.applications.findWithToken(uuid, token).orElseThrow(() -> new ApplicationNotFoundException(uuid));
		return ApplicationViews.Withdrawn.of(this.decisions.withdrawForApplicant(uuid, reason));
	}

	@Operation(summary = "Move the effective date of an approved application",
			description = "While APPROVED (not yet effective): the rules of an approval apply, a date today or in the"
					+ " past takes effect at once; the current date again is 400, another status 409.")
	@PostMapping(path = "/{id}/effective-date", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationViews.Decided changeEffectiveDate(@PathVariable UUID id,
			@Valid @RequestBody DecisionRequests.EffectiveDateChange change, Authentication staff) {
		return ApplicationViews.Decided
			.of(this.decisions.changeEffectiveDate(id, change.effectiveFrom(), change.reason(), staff.getName()));
	}

	private static boolean isAuthenticated(Authentication caller) {
		return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
	}

	private static boolean hasStaffRole(Authentication caller) {
		return caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + StaffSecurityRules.STAFF).equals(authority.getAuthority()));
	}

	@Operation(summary = "The applicant's view of an application",
			description = "Needs the token of the statusUrl; a wrong token is answered as an unknown application (404).")
	@GetMapping("/{id}/status")
	ApplicationViews.ApplicantStatus status(@PathVariable String id, @RequestParam(required = false) String token) {
		// a malformed id, an unknown id and a wrong token answer alike: 404
		UUID uuid = parse(id);
		return this.applications.findWithToken(uuid, token)
			.map(ApplicationViews.ApplicantStatus::of)
			.orElseThrow(() -> new ApplicationNotFoundException(uuid));
	}

	/**
	 * A new status link for a lost one: always 202 with the same answer, whether the
	 * reference and the address match or not; when they do, the contact receives the new
	 * link by mail and the old one stops working.
	 */
	@Operation(summary = "Ask for a new status link",
			description = "Anyone may ask. The answer is 202 whether or not the reference (the application's id)"
					+ " and the contact's e-mail address match; when they do, the status token is replaced (the old"
					+ " link stops working) and the new link is mailed to the contact, at most once per application"
					+ " within membership.onboarding.status-link.min-interval (5 minutes). Malformed input is 400.")
	@PostMapping(path = "/status-link", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApplicationViews.StatusLinkRequested> requestStatusLink(
			@Valid @RequestBody StatusLinkRequest request) {
		this.statusLinks.request(request.reference(), request.email());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApplicationViews.StatusLinkRequested.ANSWER);
	}

	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return new UUID(0, 0);
		}
	}

}
