package org.membership.directory.web;

import org.membership.directory.member.MemberQueries;
import org.membership.directory.member.MemberSearch;
import org.membership.directory.member.MemberSummary;
import org.membership.directory.system.AssociationProperties;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

/** The server-rendered directory: search form, results, and the summary as bars. */
@Controller
class MembersPage {

	private final MemberQueries members;

	private final MemberRequests requests;

	private final AssociationProperties association;

	MembersPage(MemberQueries members, MemberRequests requests, AssociationProperties association) {
		this.members = members;
		this.requests = requests;
		this.association = association;
	}

	@GetMapping("/members")
	String members(@RequestParam(required = false) String country, @RequestParam(required = false) String tier,
			@RequestParam(required = false) String q,
			@PageableDefault(size = 20, sort = "name", direction = Sort.Direction.ASC) Pageable pageable, Model model) {
		model.addAttribute("association", this.association);
		model.addAttribute("country", country);
		model.addAttribute("tier", tier);
		model.addAttribute("q", q);
		addSummary(model);
		MemberSearch search = this.requests.search(country, tier, q);
		model.addAttribute("page", this.members.search(search, this.requests.pageable(pageable, true)));
		model.addAttribute("sort",
				pageable.getSort().isSorted() ? pageable.getSort().iterator().next().getProperty() : "name");
		return "members";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(BadParameterException ex, Model model) {
		model.addAttribute("association", this.association);
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
