package org.membership.onboarding.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.membership.onboarding.application.ApplicationAlreadyDecidedException;
import org.membership.onboarding.application.ApplicationNotFoundException;
import org.membership.onboarding.application.ApplicationStateConflictException;
import org.membership.onboarding.application.ApplicationStatus;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.HistoryEntry;
import org.membership.onboarding.decision.DecisionService;
import org.membership.onboarding.review.ReviewTimes;
import org.membership.onboarding.timeline.ApplicationTimelines;
import org.membership.support.association.AssociationTime;
import org.membership.support.problem.InvalidFieldException;
import org.membership.support.web.PageText;
import org.membership.support.web.Site;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console at {@code /staff} (form login, role STAFF): the applications, those
 * awaiting a decision first and the decided ones by status, each with its history and its
 * events on Kafka (the timeline, a bounded read per page view), and forms to approve
 * (tier, effective date, note) or reject (reason), to move the effective date of an
 * approved one and to withdraw one with a reason. Decisions go through the same service
 * as the API.
 */
@Controller
class StaffConsoleController {

	private static final int PAGE_SIZE = 20;

	/** Where a history detail names a tier code (see {@code Applications}). */
	private static final Pattern TIER_IN_DETAIL = Pattern.compile("^((?:requested )?tier )([A-Z][A-Z0-9_]*)\\b");

	private final Applications applications;

	private final DecisionService decisions;

	private final AssociationTime time;

	private final WebModel web;

	private final PageText text;

	private final ApplicationTimelines timelines;

	private final ReviewTimes reviews;

	StaffConsoleController(Applications applications, DecisionService decisions, AssociationTime time, WebModel web,
			PageText text, ApplicationTimelines timelines, ReviewTimes reviews) {
		this.applications = applications;
		this.decisions = decisions;
		this.time = time;
		this.web = web;
		this.text = text;
		this.timelines = timelines;
		this.reviews = reviews;
	}

	/**
	 * The applications of one status (SUBMITTED unless asked otherwise; {@code ALL} for
	 * every status), oldest first, with their age; the overdue ones marked, and with
	 * {@code overdue=true} only those.
	 */
	@GetMapping("/staff")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String status,
			@RequestParam(required = false) String overdue, Authentication staff, Model model) {
		// only overdue ones: those awaiting a decision for the review time or longer
		boolean onlyOverdue = "true".equalsIgnoreCase(overdue);
		ApplicationStatus filter = onlyOverdue ? ApplicationStatus.SUBMITTED : status(status);
		PageRequest pageRequest = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("page", onlyOverdue ? this.reviews.findSubmitted(true, pageRequest)
				: this.applications.findAll(filter, pageRequest));
		model.addAttribute("onlyOverdue", onlyOverdue);
		model.addAttribute("reviews", this.reviews);
		model.addAttribute("status", filter);
		model.addAttribute("statusParam", (filter != null) ? filter.name() : "ALL");
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("staffName", staff.getName());
		this.web.addTo(model);
		return "staff-list";
	}

	/** The status asked for; an unknown one shows what awaits a decision. */
	private static ApplicationStatus status(String status) {
		if (status == null || status.isBlank()) {
			return ApplicationStatus.SUBMITTED;
		}
		if ("ALL".equalsIgnoreCase(status)) {
			return null;
		}
		try {
			return ApplicationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return ApplicationStatus.SUBMITTED;
		}
	}

	@GetMapping("/staff/applications/{id}")
	String application(@PathVariable UUID id, Model model) {
		model.addAttribute("app", this.applications.find(id).orElseThrow(() -> new ApplicationNotFoundException(id)));
		model.addAttribute("history", this.applications.history(id).stream().map(this::readable).toList());
		model.addAttribute("today", this.time.today());
		model.addAttribute("timeline", this.timelines.of(id));
		model.addAttribute("reviews", this.reviews);
		this.web.addTo(model);
		return "staff-application";
	}

	@PostMapping("/staff/applications/{id}/approval")
	String approve(@PathVariable UUID id, @RequestParam(required = false) String tier,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(required = false) String note, Authentication staff, RedirectAttributes redirect) {
		if (tier == null || tier.isBlank() || effectiveFrom == null) {
			redirect.addFlashAttribute("error", "Choose a tier and an effective date.");
			return "redirect:/staff/applications/" + id;
		}
		return decide(id, redirect, () -> {
			var approved = this.decisions.approve(id, tier, effectiveFrom, note, staff.getName());
			return "Approved " + approved.organisation().name() + " as " + this.web.association().tierLabel(tier)
					+ " member from " + this.text.date(effectiveFrom) + ".";
		});
	}

	@PostMapping("/staff/applications/{id}/rejection")
	String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication staff,
			RedirectAttributes redirect) {
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			redirect.addFlashAttribute("error", "Give a reason (at most 2000 characters); the applicant reads it.");
			return "redirect:/staff/applications/" + id;
		}
		return decide(id, redirect, () -> {
			var rejected = this.decisions.reject(id, reason, staff.getName());
			return "Rejected " + rejected.organisation().name() + ".";
		});
	}

	@PostMapping("/staff/applications/{id}/withdrawal")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication staff,
			RedirectAttributes redirect) {
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			redirect.addFlashAttribute("error",
					"Give a reason for the withdrawal (at most 2000 characters); the applicant reads it.");
			return "redirect:/staff/applications/" + id;
		}
		return change(id, redirect, () -> {
			var withdrawn = this.decisions.withdraw(id, reason, staff.getName());
			return "Withdrew the application of " + withdrawn.organisation().name() + ".";
		});
	}

	@PostMapping("/staff/applications/{id}/effective-date")
	String changeEffectiveDate(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(required = false) String reason, Authentication staff, RedirectAttributes redirect) {
		if (effectiveFrom == null || reason == null || reason.isBlank() || reason.length() > 2000) {
			redirect.addFlashAttribute("error",
					"Choose the new date and give a reason (at most 2000 characters); the applicant is told.");
			return "redirect:/staff/applications/" + id;
		}
		return change(id, redirect, () -> {
			var changed = this.decisions.changeEffectiveDate(id, effectiveFrom, reason, staff.getName());
			return (changed.status() == ApplicationStatus.EFFECTIVE)
					? "The membership took effect on " + this.text.date(effectiveFrom) + "."
					: "The membership now takes effect on " + this.text.date(effectiveFrom) + ".";
		});
	}

	/** A change on the application's own page: back there with what happened. */
	private String change(UUID id, RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("message", change.get());
		}
		catch (ApplicationStateConflictException ex) {
			redirect.addFlashAttribute("error", "Not possible now: the application is "
					+ this.text.label(ex.getStatus()).toLowerCase(Locale.ROOT) + ".");
		}
		catch (InvalidFieldException ex) {
			redirect.addFlashAttribute("error", ex.getField() + " " + ex.getReason());
		}
		return "redirect:/staff/applications/" + id;
	}

	private String decide(UUID id, RedirectAttributes redirect, Supplier<String> decision) {
		try {
			redirect.addFlashAttribute("message", decision.get());
			return "redirect:/staff";
		}
		catch (ApplicationAlreadyDecidedException ex) {
			redirect.addFlashAttribute("error", "This application has already been decided: "
					+ ex.getStatus().toString().toLowerCase(Locale.ROOT) + ".");
		}
		catch (InvalidFieldException ex) {
			redirect.addFlashAttribute("error", ex.getField() + " " + ex.getReason());
		}
		return "redirect:/staff/applications/" + id;
	}

	/**
	 * A change as staff read it: the tier code its detail names ("requested tier FULL",
	 * "tier ASSOCIATE, effective from ...") as the tier's label.
	 */
	private HistoryEntry readable(HistoryEntry change) {
		Matcher tier = (change.detail() != null) ? TIER_IN_DETAIL.matcher(change.detail()) : null;
		if (tier == null || !tier.find()) {
			return change;
		}
		String detail = tier.group(1) + this.web.association().tierLabel(tier.group(2))
				+ change.detail().substring(tier.end());
		return new HistoryEntry(change.version(), change.status(), change.actor(), change.occurredAt(), detail);
	}

	@ExceptionHandler({ ApplicationNotFoundException.class, MethodArgumentTypeMismatchException.class })
	String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		this.web.addTo(model);
		// service-support's not-found page, with a way back to the console
		model.addAttribute("notFound", "There is no such application.");
		model.addAttribute("section", Site.CONSOLE);
		return "membership/not-found";
	}

}
