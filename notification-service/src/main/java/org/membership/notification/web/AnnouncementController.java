package org.membership.notification.web;

import java.util.List;
import java.util.UUID;

import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.Announcements;
import org.membership.notification.system.AssociationProperties;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The public announcements: HTML pages and the JSON list, newest first. */
@Controller
class AnnouncementController {

	private static final int MAX_PAGE_SIZE = 100;

	private final Announcements announcements;

	private final AssociationProperties association;

	AnnouncementController(Announcements announcements, AssociationProperties association) {
		this.announcements = announcements;
		this.association = association;
	}

	@GetMapping("/announcements")
	String list(@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("association", this.association);
		model.addAttribute("page", page(pageable));
		return "announcements";
	}

	@GetMapping("/announcements/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("association", this.association);
		model.addAttribute("announcement", this.announcements.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No announcement " + id)));
		return "announcement";
	}

	// serialised as Spring Data's PagedModel (VIA_DTO), the shape of the contract
	@GetMapping(path = "/api/announcements", produces = "application/json")
	@ResponseBody
	Page<Announcement> api(@PageableDefault(size = 20) Pageable pageable) {
		return page(pageable);
	}

	@GetMapping(path = "/api/announcements/{id}", produces = "application/json")
	@ResponseBody
	Announcement apiOne(@PathVariable UUID id) {
		return this.announcements.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No announcement " + id));
	}

	private Page<Announcement> page(Pageable requested) {
		// the order is always newest first; a sort parameter is ignored
		Pageable pageable = PageRequest.of(requested.getPageNumber(), Math.min(requested.getPageSize(), MAX_PAGE_SIZE));
		List<Announcement> content = this.announcements.newestFirst(pageable.getOffset(), pageable.getPageSize());
		return new PageImpl<>(content, pageable, this.announcements.count());
	}

}
