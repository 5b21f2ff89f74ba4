package org.membership.onboarding.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.onboarding.application.Applications;
import org.membership.support.association.AssociationTime;

import org.springframework.stereotype.Component;

/**
 * Makes due approvals effective. A poll ({@link EffectiveDatesPoll}, every
 * {@code membership.onboarding.effective-dates.poll-interval}) selects the APPROVED
 * applications whose effectiveFrom is today or earlier in the association's time zone
 * ({@link AssociationTime}, by the injected clock), and makes each effective in its own
 * transaction with a conditional update: when several pollers (threads or instances on
 * one database) pick the same application, exactly one changes it and publishes
 * MembershipTookEffect. Nothing is held in memory, so a restart or downtime only delays
 * the next poll, which catches up.
 */
@Component
public class EffectiveDates {

	private static final Logger logger = LoggerFactory.getLogger(EffectiveDates.class);

	private static final int BATCH = 100;

	private final Applications applications;

	private final AssociationTime time;

	EffectiveDates(Applications applications, AssociationTime time) {
		this.applications = applications;
		this.time = time;
	}

	/**
	 * Makes every due approval effective.
	 * @return how many this call made effective
	 */
	public int makeDueEffective() {
		LocalDate today = this.time.today();
		int changed = 0;
		List<UUID> due;
		int changedInBatch;
		do {
			due = this.applications.findDue(today, BATCH);
			changedInBatch = 0;
			for (UUID id : due) {
				try {
					if (this.applications.makeEffective(id, today)) {
						changedInBatch++;
					}
				}
				catch (RuntimeException ex) {
					// the next poll tries again; one broken row does not stop the others
					logger.warn("Making application {} effective failed; retried at the next poll", id, ex);
				}
			}
			changed += changedInBatch;
		}
		// a full batch that changed nothing ends the poll (its rows fail, or another
		// instance took them): failing rows wait for the next poll, not a loop
		while (due.size() == BATCH && changedInBatch > 0);
		return changed;
	}

}
