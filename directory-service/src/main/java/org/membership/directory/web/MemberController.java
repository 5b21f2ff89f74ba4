package org.membership.directory.web;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.directory.member.JoiningMember;
import org.membership.directory.member.Member;
import org.membership.directory.member.MemberQueries;
import org.membership.directory.member.MemberSearch;
import org.membership.directory.member.MemberSummary;
import org.membership.support.association.ConfiguredTier;
import org.membership.support.association.IsoCountry;
import org.membership.support.paging.SortableBy;
import org.membership.support.problem.NotFoundException;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public directory API. A bad filter, page, size or sort is answered 400 naming every
 * bad parameter (the support module's paging policy checks them before the search runs).
 */
@RestController
@Tag(name = "Members", description = "The public member directory")
@RequestMapping("/api/members")
class MemberController {

	private final MemberQueries members;

	MemberController(MemberQueries members) {
		this.members = members;
	}

	@Operation(summary = "Search the listed members",
			description = "Members whose membership has taken effect,"
					+ " by country, tier and text (q); sorted by name unless asked otherwise.")
	@GetMapping
	PagedModel<Member> search(@RequestParam(required = false) @IsoCountry(ignoreCase = true) String country,
			@RequestParam(required = false) @ConfiguredTier(ignoreCase = true) String tier,
			@RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
			@SortDefault(sort = MemberSearch.NAME, direction = Sort.Direction.ASC) @SortableBy({ MemberSearch.NAME,
					MemberSearch.MEMBER_SINCE }) Pageable pageable) {
		return new PagedModel<>(this.members.search(MemberRequests.search(country, tier, q), pageable));
	}

	@Operation(summary = "One listed member")
	@GetMapping("/{id}")
	Member member(@PathVariable UUID id) {
		return this.members.find(id).orElseThrow(() -> new NotFoundException("No listed member " + id));
	}

	/**
	 * Approved organisations whose membership has not taken effect yet, soonest first.
	 */
	@Operation(summary = "Approved organisations joining later", description = "Soonest first.")
	@GetMapping("/joining")
	PagedModel<JoiningMember> joining(Pageable pageable) {
		return new PagedModel<>(this.members.joining(pageable));
	}

	@Operation(summary = "Members by country and tier")
	@GetMapping("/summary")
	MemberSummary summary() {
		return this.members.summary();
	}

}
