package org.membership.onboarding.decision;

import java.time.LocalDate;
import java.util.UUID;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.Withdrawer;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;
import org.membership.support.problem.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Service;

/**
 * Applies the association's rules to a decision (a configured tier, an effective date at
 * most {@code membership.onboarding.max-effective-from-ahead} away) and records it. An
 * approval whose effectiveFrom is today or past takes effect at once, in its own
 * transaction, as the scheduler would make it. When that second step fails on the
 * database, the approval has happened all the same: the answer is the APPROVED
 * application (never a 503 that a client would retry into a 409), and the effective-date
 * poll makes it effective once the database answers again.
 */
@Service
@EnableConfigurationProperties(DecisionProperties.class)
public class DecisionService {

	private static final Logger logger = LoggerFactory.getLogger(DecisionService.class);

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
		checkNotTooFarAhead(effectiveFrom, today);
		Application approved = this.applications.approve(id, tier, effectiveFrom, blankToNull(note), approvedBy);
		return effectiveIfDue(approved, effectiveFrom, today);
	}

	/**
	 * Moves the effective date of an approved application, under the rules of an
	 * approval: at most {@code max-effective-from-ahead} away, and a date today or past
	 * takes effect at once. The returned application is APPROVED, or EFFECTIVE when its
	 * new date has come.
	 */
	public Application changeEffectiveDate(UUID id, LocalDate effectiveFrom, String reason, String changedBy) {
		LocalDate today = this.time.today();
		checkNotTooFarAhead(effectiveFrom, today);
		Application changed = this.applications.changeEffectiveDate(id, effectiveFrom, reason.strip(), changedBy);
		return effectiveIfDue(changed, effectiveFrom, today);
	}

	private void checkNotTooFarAhead(LocalDate effectiveFrom, LocalDate today) {
		LocalDate latest = today.plus(this.properties.maxEffectiveFromAhead());
		if (effectiveFrom.isAfter(latest)) {
			throw new InvalidFieldException("effectiveFrom", "must be at most "
					+ this.properties.maxEffectiveFromAhead() + " ahead, i.e. on or before " + latest);
		}
	}

	/**
	 * Makes an application whose (new) date has come effective at once, in its own
	 * transaction; the poll does it later when that fails.
	 */
	private Application effectiveIfDue(Application approved, LocalDate effectiveFrom, LocalDate today) {
		UUID id = approved.id();
		if (!effectiveFrom.isAfter(today)) {
			try {
				if (this.applications.makeEffective(id, today)) {
					return this.applications.find(id).orElse(approved);
				}
			}
			catch (DataAccessException | TransactionException ex) {
				logger.warn("Application {} is approved; making it effective failed ({}), the effective-date poll "
						+ "will do it", id, ex.getMessage());
			}
		}
		return approved;
	}

	/** Rejects. */
	public Application reject(UUID id, String reason, String rejectedBy) {
		return this.applications.reject(id, reason.strip(), rejectedBy);
	}

	/** Withdraws on staff's behalf; staff always give a reason. */
	public Application withdraw(UUID id, String reason, String withdrawnBy) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidFieldException("reason", "must not be blank: staff give a reason for a withdrawal");
		}
		return this.applications.withdraw(id, Withdrawer.STAFF, withdrawnBy, reason.strip());
	}

	/** Withdraws on the applicant's behalf (the caller checked the status token). */
	public Application withdrawForApplicant(UUID id, String reason) {
		return this.applications.withdraw(id, Withdrawer.APPLICANT, Applications.APPLICANT, blankToNull(reason));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
