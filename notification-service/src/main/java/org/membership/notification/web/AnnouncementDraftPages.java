package org.membership.notification.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Draft;
import org.membership.notification.announcement.DraftEdit;
import org.membership.support.problem.ProblemException;
import org.membership.support.web.Site;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of the drafts ({@value Site#ANNOUNCEMENT_DRAFTS_PAGE}): the list, the
 * editor (headline, three highlights, body, quotes) and the preview, which is the public
 * page's own template. The same {@link AnnouncementDrafts} as the API: the same rules,
 * limits and conflicts (the editor's hidden version plays the API's If-Match).
 */
@Controller
@RequestMapping(Site.ANNOUNCEMENT_DRAFTS_PAGE)
class AnnouncementDraftPages {

	static final int PAGE_SIZE = 20;

	private static final int HIGHLIGHTS = 3;

	private final AnnouncementDrafts drafts;

	private final PressReleaseProperties pressRelease;

	private final Validator validator;

	AnnouncementDraftPages(AnnouncementDrafts drafts, PressReleaseProperties pressRelease, Validator validator) {
		this.drafts = drafts;
		this.pressRelease = pressRelease;
		this.validator = validator;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "DRAFT") String status, @RequestParam(defaultValue = "0") int page,
			Model model, Principal staff) {
		Announcement.Status shown = parseStatus(status);
		PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
		List<Draft> content = this.drafts.list(shown, request.getOffset(), PAGE_SIZE);
		model.addAttribute("page", new PageImpl<>(content, request, this.drafts.count(shown)));
		model.addAttribute("status", shown);
		model.addAttribute("statuses", Announcement.Status.values());
		staff(model, staff);
		return "staff/announcement-drafts";
	}

	@GetMapping("/{id}")
	String editor(@PathVariable String id, Model model, Principal staff, HttpServletResponse response) {
		Optional<Draft> draft = find(id);
		if (draft.isEmpty()) {
			return notFound(model, response);
		}
		model.addAttribute("form", Form.of(draft.get()));
		return editor(draft.get(), model, staff);
	}

	@PostMapping("/{id}")
	String save(@PathVariable String id, HttpServletRequest request, Model model, Principal staff,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Draft> draft = find(id);
		if (draft.isEmpty()) {
			return notFound(model, response);
		}
		Form form = Form.of(request);
		DraftEdit edit = form.edit();
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<DraftEdit> violation : this.validator.validate(edit)) {
			errors.merge(violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", ""), violation.getMessage(),
					(a, b) -> a + "; " + b);
		}
		if (errors.isEmpty()) {
			try {
				this.drafts.edit(draft.get().announcement().id(), form.version(), edit, staff.getName());
				redirect.addFlashAttribute("message", "Saved.");
				return "redirect:" + Site.ANNOUNCEMENT_DRAFTS_PAGE + "/" + draft.get().announcement().id();
			}
			catch (ProblemException ex) {
				model.addAttribute("error", outcome(ex));
			}
		}
		response.setStatus(errors.isEmpty() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form.padded());
		return editor(draft.get(), model, staff);
	}

	/** The public page's template, with the draft as it would be published now. */
	@GetMapping("/{id}/preview")
	String preview(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Draft> draft = find(id);
		if (draft.isEmpty()) {
			return notFound(model, response);
		}
		model.addAttribute("announcement", this.drafts.preview(draft.get().announcement().id()));
		model.addAttribute("pressRelease", this.pressRelease);
		model.addAttribute("preview", true);
		return "announcement";
	}

	@PostMapping("/{id}/publication")
	String publish(@PathVariable String id, Principal staff, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<Draft> draft = find(id);
		if (draft.isEmpty()) {
			return notFound(model, response);
		}
		UUID announcementId = draft.get().announcement().id();
		try {
			this.drafts.publish(announcementId, staff.getName());
			redirect.addFlashAttribute("message", "Published: it is on the public page and in the feed now.");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", outcome(ex));
		}
		return "redirect:" + Site.ANNOUNCEMENT_DRAFTS_PAGE + "/" + announcementId;
	}

	private String editor(Draft draft, Model model, Principal staff) {
		model.addAttribute("draft", draft);
		model.addAttribute("limits", Map.of("headline", DraftEdit.HEADLINE, "highlight", DraftEdit.HIGHLIGHT, "body",
				DraftEdit.BODY, "quote", DraftEdit.QUOTE, "name", DraftEdit.NAME));
		model.addAttribute("pressRelease", this.pressRelease);
		staff(model, staff);
		return "staff/announcement-editor";
	}

	private static void staff(Model model, Principal staff) {
		model.addAttribute("staffSection", Site.ANNOUNCEMENT_DRAFTS);
		model.addAttribute("staffName", (staff != null) ? staff.getName() : "");
	}

	private Optional<Draft> find(String id) {
		try {
			return Optional.of(this.drafts.find(UUID.fromString(id)));
		}
		catch (IllegalArgumentException | ProblemException ex) {
			return Optional.empty();
		}
	}

	private static String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("section", Site.CONSOLE);
		model.addAttribute("notFound", "No announcement draft under this address.");
		return "membership/not-found";
	}

	private static Announcement.Status parseStatus(String status) {
		try {
			return Announcement.Status.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return Announcement.Status.DRAFT;
		}
	}

	private static String outcome(ProblemException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getProblem().getStatus());
		if (status == HttpStatus.PRECONDITION_FAILED) {
			return "Not saved: someone else changed this draft since you opened it. Open it again to see their"
					+ " changes, then redo yours.";
		}
		return "Not done: " + ex.getProblem().getDetail();
	}

	/**
	 * The editor's form: three highlight fields, quote rows as parallel fields (a row
	 * left empty is no quote), the version it was opened at.
	 */
	record Form(String headline, List<String> summary, String body, List<String> quoteText, List<String> quoteBy,
			List<String> quoteRole, long version) {

		Form {
			summary = (summary != null) ? summary : List.of();
			quoteText = (quoteText != null) ? quoteText : List.of();
			quoteBy = (quoteBy != null) ? quoteBy : List.of();
			quoteRole = (quoteRole != null) ? quoteRole : List.of();
		}

		/**
		 * The form as posted: numbered fields ({@code summary0}, {@code quoteText1},
		 * ...), so that a value is never split at its commas as a converted list would
		 * be.
		 */
		static Form of(HttpServletRequest request) {
			long version;
			try {
				version = Long.parseLong(value(request, "version"));
			}
			catch (NumberFormatException ex) {
				// no version: the edit cannot be checked against the draft, and is
				// refused
				version = -1;
			}
			return new Form(value(request, "headline"), numbered(request, "summary", HIGHLIGHTS),
					value(request, "body"), numbered(request, "quoteText", DraftEdit.QUOTES),
					numbered(request, "quoteBy", DraftEdit.QUOTES), numbered(request, "quoteRole", DraftEdit.QUOTES),
					version);
		}

		private static String value(HttpServletRequest request, String name) {
			String value = request.getParameter(name);
			return (value != null) ? value : "";
		}

		private static List<String> numbered(HttpServletRequest request, String name, int most) {
			List<String> values = new ArrayList<>();
			for (int i = 0; i < most; i++) {
				values.add(value(request, name + i));
			}
			return values;
		}

		static Form of(Draft draft) {
			Announcement announcement = draft.announcement();
			return new Form(announcement.headline(), announcement.summary(), announcement.body(),
					announcement.quotes().stream().map(Announcement.Quote::text).toList(),
					announcement.quotes().stream().map(Announcement.Quote::by).toList(),
					announcement.quotes().stream().map(Announcement.Quote::role).toList(), draft.version())
				.padded();
		}

		/**
		 * Three highlight fields, and one empty quote row to add a quote (up to the
		 * limit).
		 */
		Form padded() {
			List<String> highlights = new ArrayList<>(this.summary);
			while (highlights.size() < HIGHLIGHTS) {
				highlights.add("");
			}
			int used = 0;
			for (int i = 0; i < this.quoteText.size(); i++) {
				if (!at(this.quoteText, i).isBlank() || !at(this.quoteBy, i).isBlank()
						|| !at(this.quoteRole, i).isBlank()) {
					used = i + 1;
				}
			}
			int rows = Math.min(used + 1, DraftEdit.QUOTES);
			return new Form(this.headline, highlights, this.body, pad(this.quoteText, rows), pad(this.quoteBy, rows),
					pad(this.quoteRole, rows), this.version);
		}

		DraftEdit edit() {
			List<String> highlights = this.summary.stream()
				.filter((point) -> point != null && !point.isBlank())
				.toList();
			List<DraftEdit.QuoteEdit> quotes = new ArrayList<>();
			int rows = Math.max(this.quoteText.size(), Math.max(this.quoteBy.size(), this.quoteRole.size()));
			for (int i = 0; i < rows; i++) {
				String text = at(this.quoteText, i);
				String by = at(this.quoteBy, i);
				String role = at(this.quoteRole, i);
				if (!text.isBlank() || !by.isBlank() || !role.isBlank()) {
					quotes.add(new DraftEdit.QuoteEdit(text, by, role));
				}
			}
			return new DraftEdit((this.headline != null) ? this.headline : "", highlights,
					(this.body != null) ? this.body : "", quotes);
		}

		private static String at(List<String> values, int index) {
			return (index < values.size() && values.get(index) != null) ? values.get(index) : "";
		}

		private static List<String> pad(List<String> values, int size) {
			List<String> padded = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				padded.add(at(values, i));
			}
			return padded;
		}

	}

}
