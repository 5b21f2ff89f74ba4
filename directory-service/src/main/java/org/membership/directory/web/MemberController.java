package org.membership.directory.web;

import java.util.UUID;

import org.membership.directory.member.JoiningMember;
import org.membership.directory.member.Member;
import org.membership.directory.member.MemberQueries;
import org.membership.directory.member.MemberSummary;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public directory API. */
@RestController
@RequestMapping("/api/members")
class MemberController {

	private final MemberQueries members;

	private final MemberRequests requests;

	MemberController(MemberQueries members, MemberRequests requests) {
		this.members = members;
		this.requests = requests;
	}

	@GetMapping
	PagedModel<Member> search(@RequestParam(required = false) String country,
			@RequestParam(required = false) String tier, @RequestParam(required = false) String q,
			@PageableDefault(size = 20, sort = "name", direction = Sort.Direction.ASC) Pageable pageable) {
		return new PagedModel<>(
				this.members.search(this.requests.search(country, tier, q), this.requests.pageable(pageable, true)));
	}

	@GetMapping("/{id}")
	Member member(@PathVariable UUID id) {
		return this.members.find(id).orElseThrow(() -> new NotFoundException("No listed member " + id));
	}

	/**
	 * Approved organisations whose membership has not taken effect yet, soonest first.
	 */
	@GetMapping("/joining")
	PagedModel<JoiningMember> joining(@PageableDefault(size = 20) Pageable pageable) {
		return new PagedModel<>(this.members.joining(this.requests.pageable(pageable, false)));
	}

	@GetMapping("/summary")
	MemberSummary summary() {
		return this.members.summary();
	}

}
