package org.membership.directory.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;

import org.membership.directory.member.Member;
import org.membership.directory.member.MemberQueries;
import org.membership.directory.member.MemberSearch;
import org.membership.directory.member.MemberSummary;
import org.membership.support.association.ConfiguredTier;
import org.membership.support.association.IsoCountry;
import org.membership.support.paging.SortableBy;
import org.membership.support.problem.InvalidInputException;
import org.membership.support.web.Site;
import org.membership.support.web.SiteModelAdvice;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The server-rendered directory: search form (the query stays in the URL, so a search can
 * be bookmarked and shared), results, the summary as bars, and a page per member. Bad
 * parameters are checked as in the API and shown on the page (400).
 */
@Controller
class MembersPage {

	private final MemberQueries members;

	private final SiteModelAdvice site;

	MembersPage(MemberQueries members, SiteModelAdvice site) {
		this.members = members;
		this.site = site;
	}

	@GetMapping("/members")
	String members(@RequestParam(required = false) @IsoCountry(ignoreCase = true) String country,
			@RequestParam(required = false) @ConfiguredTier(ignoreCase = true) String tier,
			@RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
			@SortDefault(sort = MemberSearch.NAME, direction = Sort.Direction.ASC) @SortableBy({ MemberSearch.NAME,
					MemberSearch.MEMBER_SINCE }) Pageable pageable,
			Model model) {
		model.addAttribute("country", country);
		model.addAttribute("tier", tier);
		model.addAttribute("q", q);
		addSummary(model);
		model.addAttribute("page", this.members.search(MemberRequests.search(country, tier, q), pageable));
		Sort.Order order = pageable.getSort().isSorted() ? pageable.getSort().iterator().next() : null;
		model.addAttribute("sort", (order != null) ? order.getProperty() : MemberSearch.NAME);
		// the page links keep the order, as they keep the query
		model.addAttribute("sortParam", (order != null)
				? order.getProperty() + "," + order.getDirection().name().toLowerCase(Locale.ROOT) : null);
		return "members";
	}

	/** One member's page; the announcement of its membership is linked. */
	@GetMapping("/members/{id}")
	String member(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Member> member = parse(id).flatMap(this.members::find);
		if (member.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("section", Site.DIRECTORY);
			model.addAttribute("notFound", "No member is listed under this address.");
			return "membership/not-found";
		}
		model.addAttribute("member", member.get());
		model.addAttribute("countryName", Locale.of("", member.get().country()).getDisplayCountry(Locale.ENGLISH));
		return "member";
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(InvalidInputException ex, Model model) {
		this.site.addTo(model);
		model.addAttribute("error", ex.getMessage());
		addSummary(model);
		return "members";
	}

	private void addSummary(Model model) {
		MemberSummary summary = this.members.summary();
		model.addAttribute("summary", summary);
		// bar lengths are relative to the largest group
		model.addAttribute("countryMax",
				Math.max(1, summary.byCountry().stream().mapToLong(MemberSummary.CountryCount::count).max().orElse(1)));
		model.addAttribute("tierMax",
				Math.max(1, summary.byTier().stream().mapToLong(MemberSummary.TierCount::count).max().orElse(1)));
	}

}
