package org.membership.notification.acknowledgement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.mail.ContactBook;
import org.membership.notification.mail.Dates;
import org.membership.notification.mail.NotificationKind;
import org.membership.notification.mail.NotificationRequest;
import org.membership.notification.mail.Notifications;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the acknowledgement and decision mails. Each method is one database transaction
 * that commits before the listener returns, that is before the offset is committed: a
 * crash in between redelivers the event, which then finds the row.
 */
@Service
class Acknowledgements {

	private static final Logger logger = LoggerFactory.getLogger(Acknowledgements.class);

	private final Notifications notifications;

	private final ApplicationStates states;

	private final ContactBook contacts;

	private final AssociationProperties association;

	private final AssociationTime time;

	private final AnnouncementDrafts drafts;

	Acknowledgements(Notifications notifications, ApplicationStates states, ContactBook contacts,
			AssociationProperties association, AssociationTime time, AnnouncementDrafts drafts) {
		this.notifications = notifications;
		this.states = states;
		this.contacts = contacts;
		this.association = association;
		this.time = time;
		this.drafts = drafts;
	}

	@Transactional
	void received(ApplicationFacts.Received received) {
		this.contacts.rememberAndReleaseWaitingMails(received.applicationId(),
				new ContactBook.Contact(received.contactName(), received.contactEmail(), received.organisationName()));
		this.notifications.request(new NotificationRequest(received.eventId(), received.applicationId(),
				NotificationKind.ACKNOWLEDGEMENT, received.contactEmail(), model("contactName", received.contactName(),
						"organisationName", received.organisationName(), "applicationId", received.applicationId())));
	}

	/**
	 * The approval mail, unless the application was withdrawn since (a newer
	 * ApplicationWithdrawn came first: the decision no longer matters to the applicant).
	 * When a newer EffectiveDateChanged came first, the mail gives the newer date, the
	 * one the applicant was told about. The draft announcement, written from the approval
	 * just before, follows the same way: cancelled after a withdrawal, re-dated after a
	 * newer date (those events found no draft to change when they came first).
	 */
	@Transactional
	void approved(ApplicationFacts.Approved approved) {
		ApplicationStates.State state = this.states.lock(approved.applicationId());
		if (state.withdrawnAfter(approved.applicationVersion())) {
			logger.info("No approval mail for event {} of application {}: withdrawn since (version {})",
					approved.eventId(), approved.applicationId(), state.withdrawnVersion());
			this.drafts.cancel(approved.applicationId(), state.withdrawnVersion());
			return;
		}
		LocalDate effectiveFrom = approved.effectiveFrom();
		if (state.newerDateThan(approved.applicationVersion())) {
			effectiveFrom = state.effectiveFrom();
			this.drafts.redate(approved.applicationId(), effectiveFrom, state.effectiveFromVersion());
		}
		else {
			this.states.effectiveFrom(approved.applicationId(), effectiveFrom, approved.applicationVersion());
		}
		this.notifications.request(
				new NotificationRequest(approved.eventId(), approved.applicationId(), NotificationKind.APPROVAL, null,
						model("organisationName", approved.organisationName(), "tier",
								this.association.tierLabel(approved.tier()), "aTier",
								this.association.tierWithArticle(approved.tier()), "effectiveFrom",
								Dates.day(effectiveFrom), "note", approved.note(),
								// a date up to today takes effect at once:
								// the welcome mail follows right away, so
								// this one must not promise it "on the day"
								"effectiveLater", effectiveFrom.isAfter(this.time.today()) ? "true" : null)));
	}

	@Transactional
	void rejected(ApplicationFacts.Rejected rejected) {
		this.notifications.request(new NotificationRequest(rejected.eventId(), rejected.applicationId(),
				NotificationKind.REJECTION, null, model("reason", rejected.reason())));
	}

	static Map<String, Object> model(Object... keysAndValues) {
		Map<String, Object> model = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			model.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return model;
	}

}
