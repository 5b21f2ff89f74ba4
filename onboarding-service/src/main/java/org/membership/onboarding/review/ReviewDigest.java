package org.membership.onboarding.review;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.system.Mailer;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;
import org.membership.support.web.SiteProperties;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The daily digest of overdue reviews to {@code membership.onboarding.review-digest.to},
 * from {@code at} local time on: exactly once per day across instances and restarts.
 * <p>
 * Each poll ({@link ReviewDigestPoll}) creates the day's row in {@code review_digest}
 * (its primary key is the day, so one instance creates it) and claims it with a
 * conditional update; only the claimer sends. A send that fails (SMTP away or refusing)
 * makes the day PENDING again, retried after {@code retry-interval} until the day ends. A
 * claim whose instance stopped while sending is never taken up again (UNKNOWN): the
 * server may have accepted the mail, and a second digest is worse than one missing day,
 * whose applications the next digest lists anyway. Nothing is held in memory, so an
 * instance started late in the day still sends that day's digest.
 * <p>
 * No scheduling library: ShedLock (the well-kept one for Spring) only keeps two runs from
 * overlapping within a lock time; it neither remembers that the day's digest went out
 * (after a restart or on another instance) nor retries a failed send later the same day,
 * and Quartz's clustered JDBC store needs eleven tables for one daily job. The day's row
 * gives all of it with one table and conditional updates.
 */
@Component
public class ReviewDigest {

	private static final Logger logger = LoggerFactory.getLogger(ReviewDigest.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	/** What one call did. */
	public enum Outcome {

		/** No address is configured. */
		DISABLED,
		/** Before the configured time of day. */
		NOT_YET,
		/**
		 * The day's digest is done, claimed by another call, or its retry not yet due.
		 */
		NOTHING_TO_DO,
		/** Nothing is overdue: the day is done without a mail. */
		NOTHING_OVERDUE,
		/** This call sent the day's digest. */
		SENT,
		/** This call's send failed; the day is retried later. */
		FAILED

	}

	private final ReviewDigestRepository repository;

	private final ReviewTimes reviews;

	private final ReviewDigestProperties properties;

	private final AssociationTime time;

	private final AssociationProperties association;

	private final SiteProperties site;

	private final Mailer mailer;

	private final Clock clock;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	ReviewDigest(ReviewDigestRepository repository, ReviewTimes reviews, ReviewDigestProperties properties,
			AssociationTime time, AssociationProperties association, SiteProperties site, Mailer mailer, Clock clock) {
		this.repository = repository;
		this.reviews = reviews;
		this.properties = properties;
		this.time = time;
		this.association = association;
		this.site = site;
		this.mailer = mailer;
		this.clock = clock;
	}

	/** Sends the day's digest if it is due and no other call has. */
	public Outcome sendIfDue() {
		if (!this.properties.enabled()) {
			return Outcome.DISABLED;
		}
		ZonedDateTime now = this.time.now();
		LocalDate today = now.toLocalDate();
		if (now.toLocalTime().isBefore(this.properties.at())) {
			return Outcome.NOT_YET;
		}
		Instant instant = this.clock.instant();
		if (this.repository.giveUpBefore(today) > 0) {
			logger.warn("An earlier day's review digest could not be sent before the day ended; given up");
		}
		if (this.repository.status(today).isEmpty()) {
			this.repository.create(today, instant);
		}
		if (this.repository.abandonExpiredClaim(today, instant)) {
			logger.warn("The review digest of {} was claimed by an instance that stopped while sending it;"
					+ " not sent again, since it may have gone out", today);
		}
		if (!this.repository.claim(today, instant, instant.plus(this.properties.lease()), this.instance)) {
			return Outcome.NOTHING_TO_DO;
		}
		Page<Application> overdue;
		try {
			overdue = this.reviews.findSubmitted(true, PageRequest.of(0, Math.max(1, this.properties.maxListed())));
		}
		catch (RuntimeException ex) {
			return retryLater(today, ex);
		}
		if (overdue.getTotalElements() == 0) {
			this.repository.markNothingOverdue(today, this.clock.instant());
			logger.info("No review is overdue on {}: no digest", today);
			return Outcome.NOTHING_OVERDUE;
		}
		try {
			this.mailer.send(this.properties.to(), subject(today, overdue.getTotalElements()), text(today, overdue),
					this.mailer.messageId("review-digest-" + today));
		}
		catch (MailException ex) {
			return retryLater(today, ex);
		}
		// should this fail, the claim expires into UNKNOWN: the mail went out, never
		// again
		this.repository.markSent(today, (int) overdue.getTotalElements(), this.clock.instant());
		logger.info("Sent the review digest of {}: {} overdue applications", today, overdue.getTotalElements());
		return Outcome.SENT;
	}

	private Outcome retryLater(LocalDate today, RuntimeException ex) {
		Instant next = this.clock.instant().plus(this.properties.retryInterval());
		this.repository.retryLater(today, next, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		logger.warn("Could not send the review digest of {}; next attempt at {}: {}", today, next, ex.toString());
		return Outcome.FAILED;
	}

	private String subject(LocalDate today, long count) {
		return this.association.shortName() + ": " + applications(count) + " waiting longer than "
				+ this.reviews.reviewTimeText() + " (" + DAY.format(today) + ")";
	}

	private String text(LocalDate today, Page<Application> overdue) {
		String console = this.site.links().onboarding();
		StringBuilder text = new StringBuilder();
		text.append(applications(overdue.getTotalElements()))
			.append(" submitted at least ")
			.append(this.reviews.reviewTimeText())
			.append(" ago ")
			.append((overdue.getTotalElements() == 1) ? "is" : "are")
			.append(" waiting for a decision (")
			.append(DAY.format(today))
			.append(", ")
			.append(this.time.zone())
			.append("):\n\n");
		for (Application application : overdue.getContent()) {
			long days = this.reviews.daysWaiting(application.submittedAt());
			text.append("- ")
				.append(oneLine(application.organisation().name()))
				.append(" (")
				.append(application.organisation().country())
				.append("), submitted on ")
				.append(DAY.format(this.reviews.submittedOn(application)))
				.append(", waiting ")
				.append(days)
				.append((days == 1) ? " day" : " days")
				.append("\n  ")
				.append(console)
				.append("/staff/applications/")
				.append(application.id())
				.append("\n");
		}
		long unlisted = overdue.getTotalElements() - overdue.getNumberOfElements();
		if (unlisted > 0) {
			text.append("\n... and ").append(unlisted).append(" more.\n");
		}
		text.append("\nAll overdue applications: ").append(console).append("/staff?overdue=true\n");
		return text.toString();
	}

	private static String applications(long count) {
		return count + ((count == 1) ? " application" : " applications");
	}

	/** A name as one line of the mail, whatever it holds. */
	private static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}", " ");
	}

}
