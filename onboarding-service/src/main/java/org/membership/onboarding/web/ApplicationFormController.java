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
 * the withdrawal from there (a confirmation step, then the status page again).
 */
@Controller
class ApplicationFormController {

	private final Applications applications;

	private final Validator validator;

	private final WebModel web;

	private final DecisionService decisions;

	private final PageText text;

	ApplicationFormController(Applications applications, Validator validator, WebModel web, DecisionService decisions,
			PageText text) {
		this.applications = applications;
		this.validator = validator;
		this.web = web;
		this.decisions = decisions;
		this.text = text;
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
