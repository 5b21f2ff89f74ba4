package org.membership.onboarding.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.membership.onboarding.application.ApplicationNotFoundException;
import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.Submission;
import org.membership.onboarding.decision.DecisionService;
import org.membership.support.problem.InvalidFieldException;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * are public; the list, the details and the decisions need a STAFF user
 * ({@code system.SecurityRules}), by HTTP Basic or a staff token.
 */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationApiController {

	/**
	 * Idempotency-Keys longer than this, or with other than visible ASCII, are refused.
	 */
	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[!-~]{1,255}");

	private final Applications applications;

	private final DecisionService decisions;

	private final BulkApprovals bulkApprovals;

	ApplicationApiController(Applications applications, DecisionService decisions, BulkApprovals bulkApprovals) {
		this.applications = applications;
		this.decisions = decisions;
		this.bulkApprovals = bulkApprovals;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApplicationViews.Submitted> submit(@Valid @RequestBody ApplicationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw new InvalidFieldException("Idempotency-Key",
					"must be 1 to 255 visible ASCII characters, e.g. a UUID");
		}
		Submission submission = this.applications.submit(request.toNewApplication(), idempotencyKey);
		var body = new ApplicationViews.Submitted(submission.id(), submission.status(),
				ApplicationViews.statusUrl(submission.id(), submission.statusToken()));
		return ResponseEntity.status(submission.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/applications/" + submission.id()))
			.body(body);
	}

	@GetMapping
	PagedModel<ApplicationViews.Summary> list(@RequestParam(required = false) ApplicationStatus status,
			Pageable pageable) {
		return new PagedModel<>(this.applications.findAll(status, pageable).map(ApplicationViews.Summary::of));
	}

	@GetMapping("/{id}")
	ApplicationViews.Details details(@PathVariable UUID id) {
		return this.applications.find(id)
			.map((application) -> ApplicationViews.Details.of(application, this.applications.history(id)))
			.orElseThrow(() -> new ApplicationNotFoundException(id));
	}

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
	@PostMapping(path = "/approvals", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<BulkApprovals.Result> approveAll(@RequestBody List<DecisionRequests.BulkApproval> approvals,
			Authentication staff) {
		return this.bulkApprovals.approveAll(approvals, staff.getName());
	}

	@PostMapping(path = "/{id}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationViews.Decided reject(@PathVariable UUID id, @Valid @RequestBody DecisionRequests.Rejection rejection,
			Authentication staff) {
		return ApplicationViews.Decided.of(this.decisions.reject(id, rejection.reason(), staff.getName()));
	}

	@GetMapping("/{id}/status")
	ApplicationViews.ApplicantStatus status(@PathVariable String id, @RequestParam(required = false) String token) {
		// a malformed id, an unknown id and a wrong token answer alike: 404
		UUID uuid = parse(id);
		return this.applications.findWithToken(uuid, token)
			.map(ApplicationViews.ApplicantStatus::of)
			.orElseThrow(() -> new ApplicationNotFoundException(uuid));
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
