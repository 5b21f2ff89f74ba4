package org.membership.onboarding.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.Submission;

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
 * the confirmation with the private status link, and the status page behind that link.
 */
@Controller
class ApplicationFormController {

	private final Applications applications;

	private final Validator validator;

	private final WebModel web;

	ApplicationFormController(Applications applications, Validator validator, WebModel web) {
		this.applications = applications;
		this.validator = validator;
		this.web = web;
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
		return this.applications.findWithToken(ApplicationApiController.parse(id), token).map((application) -> {
			model.addAttribute("app", ApplicationViews.ApplicantStatus.of(application));
			return "application-status";
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
