package org.membership.directory.web;

import jakarta.validation.constraints.Size;

import org.membership.directory.member.MemberQueries;
import org.membership.directory.member.MemberSearch;
import org.membership.directory.member.MemberSummary;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.ConfiguredTier;
import org.membership.support.association.IsoCountry;
import org.membership.support.paging.SortableBy;
import org.membership.support.problem.InvalidInputException;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The server-rendered directory: search form, results, and the summary as bars. Bad
 * parameters are checked as in the API and shown on the page (400).
 */
@Controller
class MembersPage {

	private final MemberQueries members;

	private final AssociationProperties association;

	MembersPage(MemberQueries members, AssociationProperties association) {
		this.members = members;
		this.association = association;
	}

	@GetMapping("/members")
	String members(@RequestParam(required = false) @IsoCountry(ignoreCase = true) String country,
			@RequestParam(required = false) @ConfiguredTier(ignoreCase = true) String tier,
			@RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
			@SortDefault(sort = MemberSearch.NAME, direction = Sort.Direction.ASC) @SortableBy({ MemberSearch.NAME,
					MemberSearch.MEMBER_SINCE }) Pageable pageable,
			Model model) {
		model.addAttribute("association", this.association);
		model.addAttribute("country", country);
		model.addAttribute("tier", tier);
		model.addAttribute("q", q);
		addSummary(model);
		model.addAttribute("page", this.members.search(MemberRequests.search(country, tier, q), pageable));
		model.addAttribute("sort",
				pageable.getSort().isSorted() ? pageable.getSort().iterator().next().getProperty() : MemberSearch.NAME);
		return "members";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(InvalidInputException ex, Model model) {
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
