package org.membership.onboarding.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.decision.DecisionService;
import org.membership.support.problem.InvalidFieldException;
import org.membership.support.problem.ProblemException;
import org.membership.support.problem.Problems;
import org.membership.support.problem.Problems.FieldProblem;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Bulk approvals (importing existing members): each item goes the way of a single
 * approval, through {@link DecisionService} in transactions of its own, so that a bad
 * item leaves the good ones approved and each good one publishes its events. A failure
 * becomes that item's problem details, of the same type a single approval answers.
 */
@Component
class BulkApprovals {

	/** The most items of one batch. */
	static final int MAX_ITEMS = 1000;

	private final DecisionService decisions;

	private final Validator validator;

	BulkApprovals(DecisionService decisions, Validator validator) {
		this.decisions = decisions;
		this.validator = validator;
	}

	/** One result per item, in the order of the items. */
	List<Result> approveAll(List<DecisionRequests.BulkApproval> items, String approvedBy) {
		if (items.isEmpty()) {
			throw new InvalidFieldException("body", "must hold at least one approval");
		}
		if (items.size() > MAX_ITEMS) {
			throw new InvalidFieldException("body",
					"must hold at most " + MAX_ITEMS + " approvals, not " + items.size());
		}
		List<Result> results = new ArrayList<>(items.size());
		for (DecisionRequests.BulkApproval item : items) {
			results.add(approve(item, approvedBy));
		}
		return results;
	}

	private Result approve(DecisionRequests.BulkApproval item, String approvedBy) {
		if (item == null) {
			return Result.failed(null, Problems.invalidInput(List.of(new FieldProblem("item", "must be an object"))));
		}
		List<FieldProblem> errors = invalidFields(item);
		if (!errors.isEmpty()) {
			return Result.failed(item.id(), Problems.invalidInput(errors));
		}
		try {
			return Result.succeeded(item.id(),
					this.decisions.approve(item.id(), item.tier(), item.effectiveFrom(), item.note(), approvedBy)
						.status());
		}
		catch (ProblemException ex) {
			return Result.failed(item.id(), ex.getProblem());
		}
		catch (ConcurrencyFailureException | DuplicateKeyException ex) {
			// as the shared advice answers a single approval that lost a race
			return Result.failed(item.id(),
					Problems.problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
							"It was changed at the same time by another request; reload it and try again."));
		}
	}

	private List<FieldProblem> invalidFields(DecisionRequests.BulkApproval item) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ConstraintViolation<DecisionRequests.BulkApproval> violation : this.validator.validate(item)) {
			errors.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		errors.sort(Comparator.comparing(FieldProblem::field));
		return errors;
	}

	/**
	 * The result of one item: the application's status after it, or the problem that
	 * stopped it.
	 *
	 * @param id the item's application id
	 * @param status APPROVED, or EFFECTIVE when its date has come; null on failure
	 * @param problem RFC 9457 problem details; null on success
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Result(UUID id, ApplicationStatus status,
			@Schema(ref = "#/components/schemas/ProblemDetail") Map<String, Object> problem) {

		static Result succeeded(UUID id, ApplicationStatus status) {
			return new Result(id, status, null);
		}

		static Result failed(UUID id, ProblemDetail problem) {
			// the members of a problem details body, its properties (errors, ...) among
			// them
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", problem.getType().toString());
			body.put("title", problem.getTitle());
			body.put("status", problem.getStatus());
			body.put("detail", problem.getDetail());
			if (problem.getProperties() != null) {
				body.putAll(problem.getProperties());
			}
			return new Result(id, null, body);
		}

	}

}
