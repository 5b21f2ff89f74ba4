package org.membership.onboarding.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.application.Applications;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Which submitted applications are overdue: those submitted on a day (association time
 * zone) at least the review time before today. Counted in whole days, so an application
 * becomes overdue at local midnight and stays so all day, for the console, the API and
 * the digest alike.
 */
@Component
public class ReviewTimes {

	private final Applications applications;

	private final AssociationTime time;

	private final Period reviewTime;

	ReviewTimes(Applications applications, AssociationTime time, AssociationProperties association) {
		this.applications = applications;
		this.time = time;
		this.reviewTime = association.reviewTime();
	}

	/** The configured review time. */
	public Period reviewTime() {
		return this.reviewTime;
	}

	/**
	 * Submitted before this instant (the start of the day after the last overdue
	 * submission day, association time zone) means overdue today.
	 */
	public Instant overdueBefore() {
		LocalDate lastOverdueDay = this.time.today().minus(this.reviewTime);
		return lastOverdueDay.plusDays(1).atStartOfDay(this.time.zone()).toInstant();
	}

	/** Whether the application is submitted and overdue today. */
	public boolean isOverdue(Application application) {
		return application.status() == ApplicationStatus.SUBMITTED
				&& application.submittedAt().isBefore(overdueBefore());
	}

	/**
	 * Whole days between the submission day and today (association time zone): 0 on the
	 * day of the submission.
	 */
	public long daysWaiting(Instant submittedAt) {
		LocalDate submittedOn = submittedAt.atZone(this.time.zone()).toLocalDate();
		return Math.max(0, ChronoUnit.DAYS.between(submittedOn, this.time.today()));
	}

	/** The day of a submission in the association's time zone. */
	public LocalDate submittedOn(Application application) {
		return application.submittedAt().atZone(this.time.zone()).toLocalDate();
	}

	/**
	 * A page of the submitted applications, oldest first: the overdue ones or the others.
	 */
	public Page<Application> findSubmitted(boolean overdue, Pageable pageable) {
		return this.applications.findSubmitted(overdue, overdueBefore(), pageable);
	}

	/** The review time as words: "14 days", "1 month". */
	public String reviewTimeText() {
		Period period = this.reviewTime.normalized();
		StringBuilder words = new StringBuilder();
		append(words, period.getYears(), "year");
		append(words, period.getMonths(), "month");
		append(words, period.getDays(), "day");
		return words.toString();
	}

	private static void append(StringBuilder words, int count, String unit) {
		if (count != 0) {
			if (!words.isEmpty()) {
				words.append(' ');
			}
			words.append(count).append(' ').append(unit).append((count == 1) ? "" : "s");
		}
	}

}
