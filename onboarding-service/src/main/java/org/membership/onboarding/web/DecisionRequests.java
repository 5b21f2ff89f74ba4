package org.membership.onboarding.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.membership.support.association.ConfiguredTier;

/** The bodies of the staff decisions. */
final class DecisionRequests {

	private DecisionRequests() {
	}

	/**
	 * {@code POST /api/applications/{id}/approval}.
	 *
	 * @param tier one of the configured tiers
	 * @param effectiveFrom first day of membership; past dates take effect at once
	 * @param note optional note
	 */
	record Approval(@NotBlank @ConfiguredTier String tier, @NotNull LocalDate effectiveFrom,
			@Size(max = 2000) String note) {
	}

	/**
	 * One item of {@code POST /api/applications/approvals}: an approval and the
	 * application it is for. Its constraints are checked item by item, so that a bad item
	 * fails alone.
	 *
	 * @param id the application
	 * @param tier one of the configured tiers
	 * @param effectiveFrom first day of membership; past dates take effect at once
	 * @param note optional note
	 */
	record BulkApproval(@NotNull UUID id, @NotBlank @ConfiguredTier String tier, @NotNull LocalDate effectiveFrom,
			@Size(max = 2000) String note) {
	}

	/**
	 * {@code POST /api/applications/{id}/rejection}.
	 *
	 * @param reason why, as told to the applicant
	 */
	record Rejection(@NotBlank @Size(max = 2000) String reason) {
	}

	/**
	 * {@code POST /api/applications/{id}/withdrawal}: the body is optional for the
	 * applicant; staff must give a reason.
	 *
	 * @param reason why it is withdrawn, plain text
	 */
	record Withdrawal(@Size(max = 2000) String reason) {
	}

	/**
	 * {@code POST /api/applications/{id}/effective-date}.
	 *
	 * @param effectiveFrom the new first day of membership; today or past takes effect at
	 * once
	 * @param reason why the date moves, e.g. the board's decision
	 */
	record EffectiveDateChange(@NotNull LocalDate effectiveFrom, @NotBlank @Size(max = 2000) String reason) {
	}

}
