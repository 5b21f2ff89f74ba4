package org.membership.notification.acknowledgement;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.mail.Dates;
import org.membership.notification.mail.NotificationKind;
import org.membership.notification.mail.NotificationRequest;
import org.membership.notification.mail.Notifications;
import org.membership.support.association.AssociationTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.membership.notification.acknowledgement.Acknowledgements.model;

/**
 * The changes before a membership takes effect: a withdrawal and a new effective date,
 * each mailed to the contact once (the mail is keyed by the event, as every mail is), in
 * the order-tolerant way {@link ApplicationStates} allows. Each method is the whole
 * handling of one event in one database transaction, committed before the listener
 * returns and the offset is committed.
 */
@Service
class ApplicationChanges {

	private static final Logger logger = LoggerFactory.getLogger(ApplicationChanges.class);

	private final Notifications notifications;

	private final ApplicationStates states;

	private final AssociationTime time;

	private final AnnouncementDrafts drafts;

	ApplicationChanges(Notifications notifications, ApplicationStates states, AssociationTime time,
			AnnouncementDrafts drafts) {
		this.notifications = notifications;
		this.states = states;
		this.time = time;
		this.drafts = drafts;
	}

	/**
	 * Tells the contact the application was withdrawn, by whom and, when given, why. The
	 * withdrawal is final: approval and date-change mails of older versions are not sent
	 * after it. The contact may not be known yet (the withdrawal consumed before the
	 * application): the mail then waits for it like every mail.
	 */
	@Transactional
	void withdrawn(ApplicationFacts.Withdrawn withdrawn) {
		this.states.lock(withdrawn.applicationId());
		this.states.withdrawn(withdrawn.applicationId(), withdrawn.applicationVersion());
		this.notifications.request(new NotificationRequest(withdrawn.eventId(), withdrawn.applicationId(),
				NotificationKind.WITHDRAWAL, null,
				model("withdrawnByStaff", withdrawn.byStaff() ? "true" : null, "reason", withdrawn.reason(),
						"withdrawnOn", Dates.day(LocalDate.ofInstant(withdrawn.withdrawnAt(), this.time.zone())))));
		// the draft announcement is never published now (a published one stays)
		this.drafts.cancel(withdrawn.applicationId(), withdrawn.applicationVersion());
	}

	/**
	 * Tells the contact the new effective date, the previous one and the reason, unless
	 * the application was withdrawn since or a newer date is already known (this change
	 * arrived late: the contact was told the newer one, or will be by its own event).
	 */
	@Transactional
	void effectiveDateChanged(ApplicationFacts.EffectiveDateChanged changed) {
		ApplicationStates.State state = this.states.lock(changed.applicationId());
		if (state.withdrawnAfter(changed.applicationVersion())) {
			logger.info("No mail for date change {} of application {}: withdrawn since (version {})", changed.eventId(),
					changed.applicationId(), state.withdrawnVersion());
			return;
		}
		if (state.newerDateThan(changed.applicationVersion())) {
			logger.info("No mail for date change {} of application {} (version {}): version {} set a newer date",
					changed.eventId(), changed.applicationId(), changed.applicationVersion(),
					state.effectiveFromVersion());
			return;
		}
		this.states.effectiveFrom(changed.applicationId(), changed.effectiveFrom(), changed.applicationVersion());
		this.notifications.request(new NotificationRequest(changed.eventId(), changed.applicationId(),
				NotificationKind.EFFECTIVE_DATE_CHANGE, null,
				model("organisationName", changed.organisationName(), "effectiveFrom",
						Dates.day(changed.effectiveFrom()), "previousEffectiveFrom",
						Dates.day(changed.previousEffectiveFrom()), "reason", changed.reason(),
						// today or earlier: onboarding makes it effective at once
						"effectiveLater", changed.effectiveFrom().isAfter(this.time.today()) ? "true" : null)));
		// the draft's "will join ... as of" and its automatic publication follow the date
		this.drafts.redate(changed.applicationId(), changed.effectiveFrom(), changed.applicationVersion());
	}

}
