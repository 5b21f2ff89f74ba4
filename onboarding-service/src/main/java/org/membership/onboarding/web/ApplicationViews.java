package org.membership.onboarding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.application.ContactPerson;
import org.membership.onboarding.application.ContactStatement;
import org.membership.onboarding.application.HistoryEntry;
import org.membership.onboarding.application.Withdrawer;
import org.membership.onboarding.application.ApplyingOrganisation;
import org.membership.onboarding.review.ReviewTimes;
import org.membership.onboarding.statuslink.StatusPages;

/** The JSON answers of the API. */
final class ApplicationViews {

	private ApplicationViews() {
	}

	/** The applicant's private status URL of an application. */
	static String statusUrl(UUID id, String token) {
		return "/api/applications/" + id + "/status?token=" + token;
	}

	/** The applicant's private status page of an application. */
	static String statusPage(UUID id, String token) {
		return StatusPages.path(id, token);
	}

	/**
	 * Answer of a submission.
	 *
	 * @param statusUrl the applicant's private status as JSON, relative
	 * @param statusPageUrl the applicant's private status page, absolute
	 */
	record Submitted(UUID id, ApplicationStatus status, String statusUrl, String statusPageUrl) {
	}

	/**
	 * One line of the staff list.
	 *
	 * @param overdue whether it is submitted and has waited the review time or longer
	 * @param daysWaiting whole days since the submission day (association time zone),
	 * while it is submitted
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Summary(UUID id, ApplicationStatus status, long version, String organisationName, String country,
			String requestedTier, Instant submittedAt, boolean overdue, Long daysWaiting) {

		static Summary of(Application application, ReviewTimes reviews) {
			boolean submitted = application.status() == ApplicationStatus.SUBMITTED;
			return new Summary(application.id(), application.status(), application.version(),
					application.organisation().name(), application.organisation().country(),
					application.requestedTier(), application.submittedAt(), reviews.isOverdue(application),
					submitted ? reviews.daysWaiting(application.submittedAt()) : null);
		}

	}

	/** The answer to a request for a new status link, whatever the request matched. */
	record StatusLinkRequested(String message) {

		static final StatusLinkRequested ANSWER = new StatusLinkRequested(
				"If the reference and the e-mail address belong to an application, a new status link is on its way"
						+ " to that address and the old link no longer works.");

	}

	/** A state change: what, who, when. */
	record Change(long version, ApplicationStatus status, String by, Instant at, String detail) {

		static Change of(HistoryEntry entry) {
			return new Change(entry.version(), entry.status(), entry.actor(), entry.occurredAt(), entry.detail());
		}

	}

	/** Everything staff see of an application. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Details(UUID id, ApplicationStatus status, long version, String correlationId,
			ApplyingOrganisation organisation, String requestedTier, ContactPerson contact, Instant submittedAt,
			Application.Decision decision, Instant effectiveAt, Application.Withdrawal withdrawal, List<Change> history,
			ContactStatement statement) {

		static Details of(Application application, List<HistoryEntry> history) {
			return new Details(application.id(), application.status(), application.version(),
					application.correlationId(), application.organisation(), application.requestedTier(),
					application.contact(), application.submittedAt(), application.decision(), application.effectiveAt(),
					application.withdrawal(), history.stream().map(Change::of).toList(), application.statement());
		}

	}

	/** Answer of a decision. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Decided(UUID id, ApplicationStatus status, long version, String tier, LocalDate effectiveFrom, String reason,
			String decidedBy, Instant decidedAt) {

		static Decided of(Application application) {
			Application.Decision decision = application.decision();
			return new Decided(application.id(), application.status(), application.version(), decision.tier(),
					decision.effectiveFrom(), decision.reason(), decision.decidedBy(), decision.decidedAt());
		}

	}

	/** Answer of a withdrawal. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Withdrawn(UUID id, ApplicationStatus status, long version, Withdrawer withdrawnBy, String reason,
			Instant withdrawnAt) {

		static Withdrawn of(Application application) {
			Application.Withdrawal withdrawal = application.withdrawal();
			return new Withdrawn(application.id(), application.status(), application.version(), withdrawal.by(),
					withdrawal.reason(), withdrawal.withdrawnAt());
		}

	}

	/** What the applicant sees through the private status link. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ApplicantStatus(UUID id, ApplicationStatus status, String organisationName, String requestedTier,
			Instant submittedAt, String tier, LocalDate effectiveFrom, String reason, Instant decidedAt,
			Instant withdrawnAt, String withdrawalReason, String aims, ContactStatement statement) {

		static ApplicantStatus of(Application application) {
			Application.Decision decision = application.decision();
			Application.Withdrawal withdrawal = application.withdrawal();
			return new ApplicantStatus(application.id(), application.status(), application.organisation().name(),
					application.requestedTier(), application.submittedAt(), (decision != null) ? decision.tier() : null,
					(decision != null) ? decision.effectiveFrom() : null, (decision != null) ? decision.reason() : null,
					(decision != null) ? decision.decidedAt() : null,
					(withdrawal != null) ? withdrawal.withdrawnAt() : null,
					(withdrawal != null) ? withdrawal.reason() : null, application.organisation().aims(),
					application.statement());
		}

		/** Whether the applicant may still withdraw it. */
		@JsonIgnore
		public boolean isWithdrawable() {
			return this.status.isWithdrawable();
		}

	}

}
