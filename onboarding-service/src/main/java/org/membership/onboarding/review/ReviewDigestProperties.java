package org.membership.onboarding.review;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff's daily digest of overdue reviews.
 *
 * @param to where it goes, e.g. the staff's shared mailbox; none (unset or blank) sends
 * no digest
 * @param at the local time (association time zone) from which the day's digest is sent
 * @param pollInterval how often an instance looks whether the day's digest is due
 * @param retryInterval the wait after a failed send before the next attempt, the same day
 * @param lease how long a claimed digest is reserved for the instance sending it; longer
 * than the SMTP time-outs ({@code spring.mail.properties.mail.smtp.*timeout})
 * @param maxListed the most applications one digest lists (the rest are counted, and the
 * console's filter shows them all)
 */
@ConfigurationProperties("membership.onboarding.review-digest")
record ReviewDigestProperties(String to, @DefaultValue("08:00") LocalTime at, @DefaultValue("1m") Duration pollInterval,
		@DefaultValue("10m") Duration retryInterval, @DefaultValue("2m") Duration lease,
		@DefaultValue("200") int maxListed) {

	boolean enabled() {
		return this.to != null && !this.to.isBlank();
	}

}
