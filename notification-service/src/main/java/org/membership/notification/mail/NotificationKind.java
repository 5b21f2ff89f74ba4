package org.membership.notification.mail;

import java.util.Locale;

/** Which mail a notification is; names the templates under {@code templates/mail/}. */
public enum NotificationKind {

	/** ApplicationReceived: the application arrived. */
	ACKNOWLEDGEMENT,

	/** MemberApproved: the decision, with tier and effective date. */
	APPROVAL,

	/** ApplicationRejected: the decision, with the reason. */
	REJECTION,

	/** MembershipEffective: welcome, with a link to the announcement. */
	WELCOME,

	/** ApplicationWithdrawn: the application was withdrawn, by whom, and why. */
	WITHDRAWAL,

	/** EffectiveDateChanged: the membership takes effect on another date. */
	EFFECTIVE_DATE_CHANGE;

	String template() {
		return name().toLowerCase(Locale.ROOT);
	}

}
