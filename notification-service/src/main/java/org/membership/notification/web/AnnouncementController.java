package org.membership.notification.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.Announcements;
import org.membership.support.association.AssociationProperties;
import org.membership.support.problem.NotFoundException;

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

	private final AssociationProperties association;

	AnnouncementController(Announcements announcements, AssociationProperties association) {
		this.announcements = announcements;
		this.association = association;
	}

	@GetMapping("/announcements")
	String list(Pageable pageable, Model model) {
		model.addAttribute("association", this.association);
		model.addAttribute("page", page(pageable));
		return "announcements";
	}

	@GetMapping("/announcements/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("association", this.association);
		model.addAttribute("announcement",
				this.announcements.find(id).orElseThrow(() -> new NotFoundException("No announcement " + id)));
		return "announcement";
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
