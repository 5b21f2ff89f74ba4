package org.membership.onboarding.web;

import java.time.LocalDate;

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
	 * {@code POST /api/applications/{id}/rejection}.
	 *
	 * @param reason why, as told to the applicant
	 */
	record Rejection(@NotBlank @Size(max = 2000) String reason) {
	}

}
