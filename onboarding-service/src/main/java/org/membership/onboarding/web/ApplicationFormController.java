package org.membership.onboarding.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.membership.onboarding.application.ApplicationStateConflictException;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.Submission;
import org.membership.onboarding.decision.DecisionService;
import org.membership.onboarding.statuslink.StatusLinks;
import org.membership.support.web.PageText;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's pages: the form at {@code /} (errors next to their fields, input kept),
 * the confirmation with the private status link, the status page behind that link, and
 * the withdrawal from there (a confirmation step, then the status page again), and the
 * page that mails a new link for a lost one.
 */
@Controller
class ApplicationFormController {

	private final Applications applications;

	private final Validator validator;

	private final WebModel web;

	private final DecisionService decisions;

	private final PageText text;

	private final StatusLinks statusLinks;

	ApplicationFormController(Applications applications, Validator validator, WebModel web, DecisionService decisions,
			PageText text, StatusLinks statusLinks) {
		this.applications = applications;
		this.validator = validator;
		this.web = web;
		this.decisions = decisions;
		this.text = text;
		this.statusLinks = statusLinks;
	}

	@GetMapping("/")
	String form(Model model) {
		model.addAttribute("form", new ApplicationForm());
		this.web.addTo(model);
		return "application-form";
	}

	@PostMapping("/")
	String submit(@ModelAttribute("form") ApplicationForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ApplicationRequest application = form.toRequest();
		for (ConstraintViolation<ApplicationRequest> violation : this.validator.validate(application)) {
			String field = violation.getPropertyPath().toString();
			if (binding.getFieldErrorCount(field) == 0) {
				binding.rejectValue(field, "invalid", FormMessages.of(violation));
			}
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			this.web.addTo(model);
			return "application-form";
		}
		Submission submission = this.applications.submit(application.toNewApplication(), null);
		redirect.addFlashAttribute("statusPage",
				ApplicationViews.statusPage(submission.id(), submission.statusToken()));
		redirect.addFlashAttribute("organisationName", application.organisation().name().strip());
		return "redirect:/applications/" + submission.id() + "/submitted";
	}

	@GetMapping("/applications/{id}/submitted")
	String submitted(@PathVariable UUID id, Model model) {
		if (!model.containsAttribute("statusPage")) {
			// the link is shown once, right after the submission
			return "redirect:/";
		}
		model.addAttribute("id", id);
		this.web.addTo(model);
		return "application-submitted";
	}

	@GetMapping("/applications/{id}/status")
	String status(@PathVariable String id, @RequestParam(required = false) String token, Model model,
			HttpServletResponse response) {
		this.web.addTo(model);
		return withToken(id, token, model, response, "application-status");
	}

	/** The confirmation step before a withdrawal. */
	@GetMapping("/applications/{id}/withdrawal")
	String confirmWithdrawal(@PathVariable String id, @RequestParam(required = false) String token, Model model,
			HttpServletResponse response) {
		return withToken(id, token, model, response, "application-withdraw");
	}

	/**
	 * Withdraws after the confirmation, back to the status page with what happened; a
	 * wrong token is the status page's not-found page.
	 */
	@PostMapping("/applications/{id}/withdrawal")
	String withdraw(@PathVariable String id, @RequestParam(required = false) String token,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID uuid = ApplicationApiController.parse(id);
		if (this.applications.findWithToken(uuid, token).isEmpty()) {
			this.web.addTo(model);
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return notFoundPage(model);
		}
		String statusPage = "redirect:" + ApplicationViews.statusPage(uuid, token);
		if (reason != null && reason.length() > 2000) {
			redirect.addFlashAttribute("error", "Keep the reason to at most 2000 characters.");
			return statusPage;
		}
		try {
			this.decisions.withdrawForApplicant(uuid, reason);
			redirect.addFlashAttribute("message", "Your application has been withdrawn.");
		}
		catch (ApplicationStateConflictException ex) {
			redirect.addFlashAttribute("error", "The application can no longer be withdrawn: it is "
					+ this.text.label(ex.getStatus()).toLowerCase(Locale.ROOT) + ".");
		}
		return statusPage;
	}

	private String withToken(String id, String token, Model model, HttpServletResponse response, String view) {
		this.web.addTo(model);
		return this.applications.findWithToken(ApplicationApiController.parse(id), token).map((application) -> {
			model.addAttribute("app", ApplicationViews.ApplicantStatus.of(application));
			model.addAttribute("token", token);
			return view;
		}).orElseGet(() -> {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return notFoundPage(model);
		});
	}

	/** Where an applicant who lost the status link asks for a new one. */
	@GetMapping("/status-link")
	String statusLinkForm(Model model) {
		this.web.addTo(model);
		return "status-link";
	}

	/**
	 * A request for a new status link: the same answer whether the reference and address
	 * match or not; only malformed input is shown as errors (400).
	 */
	@PostMapping("/status-link")
	String requestStatusLink(@RequestParam(required = false) String reference,
			@RequestParam(required = false) String email, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID id = null;
		try {
			id = (reference != null) ? UUID.fromString(reference.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			// shown below
		}
		StatusLinkRequest request = new StatusLinkRequest(id, email);
		var violations = this.validator.validate(request);
		boolean badReference = id == null;
		boolean badEmail = !violations.isEmpty()
				&& violations.stream().anyMatch((violation) -> violation.getPropertyPath().toString().equals("email"));
		if (badReference || badEmail) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("reference", reference);
			model.addAttribute("email", email);
			if (badReference) {
				model.addAttribute("referenceError",
						"Enter the reference shown after you applied, such as 3f2c9a1e-5b7d-4c8e-9f10-2a3b4c5d6e7f.");
			}
			if (badEmail) {
				model.addAttribute("emailError", "Enter an e-mail address such as name@example.org.");
			}
			this.web.addTo(model);
			return "status-link";
		}
		this.statusLinks.request(request.reference(), request.email());
		redirect.addFlashAttribute("requested", true);
		return "redirect:/status-link";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		this.web.addTo(model);
		return notFoundPage(model);
	}

	/** service-support's not-found page, with what an applicant should check. */
	private static String notFoundPage(Model model) {
		model.addAttribute("notFound",
				"There is nothing here. If you followed a status link, check that you copied all of it.");
		return "membership/not-found";
	}

}
