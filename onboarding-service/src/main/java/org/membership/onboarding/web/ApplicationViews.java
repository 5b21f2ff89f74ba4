package org.membership.onboarding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.application.ContactPerson;
import org.membership.onboarding.application.ContactStatement;
import org.membership.onboarding.application.HistoryEntry;
import org.membership.onboarding.application.ApplyingOrganisation;

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
		return "/applications/" + id + "/status?token=" + token;
	}

	/** Answer of a submission. */
	record Submitted(UUID id, ApplicationStatus status, String statusUrl) {
	}

	/** One line of the staff list. */
	record Summary(UUID id, ApplicationStatus status, long version, String organisationName, String country,
			String requestedTier, Instant submittedAt) {

		static Summary of(Application application) {
			return new Summary(application.id(), application.status(), application.version(),
					application.organisation().name(), application.organisation().country(),
					application.requestedTier(), application.submittedAt());
		}

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
			Application.Decision decision, Instant effectiveAt, List<Change> history, ContactStatement statement) {

		static Details of(Application application, List<HistoryEntry> history) {
			return new Details(application.id(), application.status(), application.version(),
					application.correlationId(), application.organisation(), application.requestedTier(),
					application.contact(), application.submittedAt(), application.decision(), application.effectiveAt(),
					history.stream().map(Change::of).toList(), application.statement());
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

	/** What the applicant sees through the private status link. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ApplicantStatus(UUID id, ApplicationStatus status, String organisationName, String requestedTier,
			Instant submittedAt, String tier, LocalDate effectiveFrom, String reason, Instant decidedAt, String aims,
			ContactStatement statement) {

		static ApplicantStatus of(Application application) {
			Application.Decision decision = application.decision();
			return new ApplicantStatus(application.id(), application.status(), application.organisation().name(),
					application.requestedTier(), application.submittedAt(), (decision != null) ? decision.tier() : null,
					(decision != null) ? decision.effectiveFrom() : null, (decision != null) ? decision.reason() : null,
					(decision != null) ? decision.decidedAt() : null, application.organisation().aims(),
					application.statement());
		}

	}

}
