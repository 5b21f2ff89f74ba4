package org.membership.onboarding.decision;

import java.time.LocalDate;
import java.util.UUID;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.Applications;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;
import org.membership.support.problem.InvalidFieldException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Applies the association's rules to a decision (a configured tier, an effective date at
 * most {@code membership.onboarding.max-effective-from-ahead} away) and records it. An
 * approval whose effectiveFrom is today or past takes effect at once, in its own
 * transaction, as the scheduler would make it.
 */
@Service
@EnableConfigurationProperties(DecisionProperties.class)
public class DecisionService {

	private final Applications applications;

	private final AssociationProperties association;

	private final AssociationTime time;

	private final DecisionProperties properties;

	DecisionService(Applications applications, AssociationProperties association, AssociationTime time,
			DecisionProperties properties) {
		this.applications = applications;
		this.association = association;
		this.time = time;
		this.properties = properties;
	}

	/**
	 * Approves; the returned application is APPROVED, or EFFECTIVE when its date has
	 * come.
	 */
	public Application approve(UUID id, String tier, LocalDate effectiveFrom, String note, String approvedBy) {
		if (!this.association.isTier(tier)) {
			throw new InvalidFieldException("tier", "must be one of " + this.association.tiers().keySet());
		}
		LocalDate today = this.time.today();
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
