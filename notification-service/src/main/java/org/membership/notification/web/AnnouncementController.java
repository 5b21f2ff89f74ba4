package org.membership.notification.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.Announcements;
import org.membership.support.problem.NotFoundException;
import org.membership.support.web.Site;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public announcements: HTML pages and the JSON list, newest first (a fixed order: a
 * {@code sort} parameter is answered 400, as a bad page or size).
 */
@Controller
@Tag(name = "Announcements", description = "The published announcements")
class AnnouncementController {

	private final Announcements announcements;

	private final PressReleaseProperties pressRelease;

	AnnouncementController(Announcements announcements, PressReleaseProperties pressRelease) {
		this.announcements = announcements;
		this.pressRelease = pressRelease;
	}

	/** The index: headlines with their date and a teaser, newest first, paged. */
	@GetMapping("/announcements")
	String list(Pageable pageable, Model model) {
		model.addAttribute("page", page(pageable));
		return "announcements";
	}

	/** One announcement, laid out as a press release. */
	@GetMapping("/announcements/{id}")
	String show(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Announcement> announcement = parse(id).flatMap(this.announcements::find);
		if (announcement.isEmpty()) {
			return notFound(model, response);
		}
		model.addAttribute("announcement", announcement.get());
		model.addAttribute("pressRelease", this.pressRelease);
		return "announcement";
	}

	/**
	 * The announcement of a member's membership, by the application id the directory
	 * knows it by: the directory's member page links here.
	 */
	@GetMapping("/announcements/members/{applicationId}")
	String ofMember(@PathVariable String applicationId, Model model, HttpServletResponse response) {
		return parse(applicationId).flatMap(this.announcements::findByApplicationId)
			.map((announcement) -> "redirect:/announcements/" + announcement.id())
			.orElseGet(() -> notFound(model, response));
	}

	private static String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("section", Site.ANNOUNCEMENTS);
		model.addAttribute("notFound", "No announcement is published under this address (yet).");
		return "membership/not-found";
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	// a Page written as PagedModel (content + page), as service-support configures it
	@Operation(summary = "List the published announcements", description = "Newest first.")
	@GetMapping(path = "/api/announcements", produces = "application/json")
	@ResponseBody
	Page<Announcement> api(Pageable pageable) {
		return page(pageable);
	}

	@Operation(summary = "One published announcement")
	@GetMapping(path = "/api/announcements/{id}", produces = "application/json")
	@ResponseBody
	Announcement apiOne(@PathVariable UUID id) {
		return this.announcements.find(id).orElseThrow(() -> new NotFoundException("No announcement " + id));
	}

	private Page<Announcement> page(Pageable pageable) {
		List<Announcement> content = this.announcements.newestFirst(pageable.getOffset(), pageable.getPageSize());
		return new PageImpl<>(content, pageable, this.announcements.count());
	}

}
