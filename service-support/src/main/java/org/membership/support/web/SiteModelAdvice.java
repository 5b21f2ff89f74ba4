package org.membership.support.web;

import org.membership.support.association.AssociationProperties;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts {@code site}, {@code association} and {@code text} ({@link PageText}) into the
 * model of every page, so that no controller has to remember the layout's needs.
 */
@ControllerAdvice
public class SiteModelAdvice {

	private final Site site;

	private final PageText text;

	SiteModelAdvice(Site site, PageText text) {
		this.site = site;
		this.text = text;
	}

	/**
	 * Adds what the layout needs; also for the model of an {@code @ExceptionHandler}, to
	 * which no {@code @ModelAttribute} method applies.
	 */
	@ModelAttribute
	public void addTo(Model model) {
		model.addAttribute("site", this.site);
		model.addAttribute("association", this.site.association());
		model.addAttribute("text", this.text);
	}

}
