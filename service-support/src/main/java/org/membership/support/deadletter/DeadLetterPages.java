package org.membership.support.deadletter;

import java.security.Principal;

import org.membership.events.ConsumerGroup;
import org.membership.support.problem.ProblemException;
import org.membership.support.web.Site;

import org.springframework.data.domain.Page;
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
 * This service's dead letters as a staff page ({@value Site#DEAD_LETTERS_PAGE}), in the
 * common look, with a Replay button per record: the same {@link DeadLetters} as the API,
 * so a replay from the page and one from the API are the same act (recorded once; a
 * second is refused). STAFF only, with the form login
 * ({@link DeadLetterAutoConfiguration} declares the pages).
 */
@Controller
@RequestMapping(Site.DEAD_LETTERS_PAGE)
class DeadLetterPages {

	static final int PAGE_SIZE = 20;

	private final DeadLetters deadLetters;

	private final ConsumerGroup group;

	DeadLetterPages(DeadLetters deadLetters, ConsumerGroup group) {
		this.deadLetters = deadLetters;
		this.group = group;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model, Principal staff) {
		Page<DeadLetter> letters = this.deadLetters.list(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("page", letters);
		model.addAttribute("service", this.group.name());
		model.addAttribute("staffSection", this.group.name().replaceFirst("-service$", "") + "-dead-letters");
		model.addAttribute("staffName", (staff != null) ? staff.getName() : "");
		return "membership/dead-letters";
	}

	@PostMapping("/{topic}/{partition}/{offset}/replay")
	String replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
			@RequestParam(defaultValue = "0") int page, Principal staff, RedirectAttributes redirect) {
		Address address = new Address(topic, partition, offset);
		try {
			this.deadLetters.replay(address, (staff != null) ? staff.getName() : "unknown");
			redirect.addFlashAttribute("message", "Replayed " + address + ": it is processed now.");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", outcome(address, ex));
		}
		redirect.addAttribute("page", page);
		return "redirect:" + Site.DEAD_LETTERS_PAGE;
	}

	private static String outcome(Address address, ProblemException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getProblem().getStatus());
		String detail = ex.getProblem().getDetail();
		if (status == HttpStatus.CONFLICT) {
			return "Already replayed: " + detail;
		}
		if (status == HttpStatus.UNPROCESSABLE_CONTENT) {
			return "Still failing, not replayed: " + detail;
		}
		return "Not replayed: " + detail;
	}

}
