package org.membership.onboarding.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.schedule.EffectiveDates;
import org.membership.onboarding.system.AssociationProperties;
import org.membership.onboarding.system.InvalidFieldException;
import org.membership.onboarding.system.OnboardingProperties;

import org.springframework.stereotype.Service;

/**
 * Applies the association's rules to a decision (a configured tier, an effective date at
 * most {@code membership.onboarding.max-effective-from-ahead} away) and records it. An
 * approval whose effectiveFrom is today or past takes effect at once, in its own
 * transaction, as the scheduler would make it.
 */
@Service
public class DecisionService {

	private final Applications applications;

	private final EffectiveDates effectiveDates;

	private final AssociationProperties association;

	private final OnboardingProperties properties;

	private final Clock clock;

	DecisionService(Applications applications, EffectiveDates effectiveDates, AssociationProperties association,
			OnboardingProperties properties, Clock clock) {
		this.applications = applications;
		this.effectiveDates = effectiveDates;
		this.association = association;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Approves; the returned application is APPROVED, or EFFECTIVE when its date has
	 * come.
	 */
	public Application approve(UUID id, String tier, LocalDate effectiveFrom, String note, String approvedBy) {
		if (!this.association.isTier(tier)) {
			throw new InvalidFieldException("tier", "must be one of " + this.association.tiers().keySet());
		}
		LocalDate today = this.effectiveDates.today();
		LocalDate latest = today.plus(this.properties.maxEffectiveFromAhead());
		if (effectiveFrom.isAfter(latest)) {
			throw new InvalidFieldException("effectiveFrom", "must be at most "
					+ this.properties.maxEffectiveFromAhead() + " ahead, i.e. on or before " + latest);
		}
		Application approved = this.applications.approve(id, tier, effectiveFrom, blankToNull(note), approvedBy);
		if (!effectiveFrom.isAfter(today) && this.applications.makeEffective(id, today)) {
			return this.applications.find(id).orElse(approved);
		}
		return approved;
	}

	/** Rejects. */
	public Application reject(UUID id, String reason, String rejectedBy) {
		return this.applications.reject(id, reason.strip(), rejectedBy);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
