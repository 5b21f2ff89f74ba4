package org.membership.directory.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.membership.support.association.AssociationProperties;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory: the LIVE generation only, so that a rebuild under way is never
 * seen. Only members with status MEMBER are listed; JOINING ones appear in
 * {@link #joining(Pageable)} only. Sort properties must be checked by the caller against
 * {@link MemberSearch#SORTABLE} (the web layer declares them to the paging policy).
 */
@Service
@Transactional(readOnly = true)
public class MemberQueries {

	private static final String MEMBER_COLUMNS = "application_id, name, country, city, tier, effective_from, website, member_count, description";

	private final JdbcClient jdbc;

	private final AssociationProperties association;

	private final Generations generations;

	MemberQueries(JdbcClient jdbc, AssociationProperties association, Generations generations) {
		this.jdbc = jdbc;
		this.association = association;
		this.generations = generations;
	}

	public Page<Member> search(MemberSearch search, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where generation_id = :generation and status = 'MEMBER'");
		Map<String, Object> params = new LinkedHashMap<>();
		// once per request: the count and the page read the same generation
		params.put("generation", this.generations.live());
		if (search.country() != null) {
			where.append(" and country = :country");
			params.put("country", search.country());
		}
		if (search.tier() != null) {
			where.append(" and tier = :tier");
			params.put("tier", search.tier());
		}
		String q = SearchText.normalize(search.q());
		if (!q.isEmpty()) {
			where.append(" and search_text like :q escape '\\'");
			params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("select count(*) from member" + where).params(params).query(Long.class).single();
		List<Member> content = this.jdbc
			.sql("select " + MEMBER_COLUMNS + " from member" + where + orderBy(pageable.getSort())
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(MemberQueries::member)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	public Optional<Member> find(UUID id) {
		return this.jdbc
			.sql("select " + MEMBER_COLUMNS
					+ " from member where generation_id = ? and application_id = ? and status = 'MEMBER'")
			.params(this.generations.live(), id.toString())
			.query(MemberQueries::member)
			.optional();
	}

	/** Approved, not yet effective: soonest first. */
	public Page<JoiningMember> joining(Pageable pageable) {
		long generation = this.generations.live();
		long total = this.jdbc.sql("select count(*) from member where generation_id = ? and status = 'JOINING'")
			.param(generation)
			.query(Long.class)
			.single();
		List<JoiningMember> content = this.jdbc
			.sql("select application_id, name, country, city, tier, effective_from, website from member"
					+ " where generation_id = :generation and status = 'JOINING'"
					+ " order by effective_from, name_key, application_id limit :limit offset :offset")
			.param("generation", generation)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, row) -> new JoiningMember(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	public MemberSummary summary() {
		long generation = this.generations.live();
		List<MemberSummary.CountryCount> byCountry = this.jdbc
			.sql("select country, count(*) from member where generation_id = ? and status = 'MEMBER'"
					+ " group by country order by count(*) desc, country")
			.param(generation)
			.query((rs, row) -> new MemberSummary.CountryCount(rs.getString(1), rs.getLong(2)))
			.list();
		Map<String, Long> tierCounts = new LinkedHashMap<>();
		this.jdbc.sql("select tier, count(*) from member where generation_id = ? and status = 'MEMBER' group by tier")
			.param(generation)
			.query((ResultSet rs) -> {
				tierCounts.put(rs.getString(1), rs.getLong(2));
			});
		List<MemberSummary.TierCount> byTier = new ArrayList<>();
		// configured tiers in their configured order, then any others the events carried
		this.association.tiers()
			.forEach((code, name) -> byTier
				.add(new MemberSummary.TierCount(code, name, tierCounts.getOrDefault(code, 0L))));
		tierCounts.forEach((code, count) -> {
			if (!this.association.isTier(code)) {
				byTier.add(new MemberSummary.TierCount(code, code, count));
			}
		});
		long total = byCountry.stream().mapToLong(MemberSummary.CountryCount::count).sum();
		return new MemberSummary(total, byCountry, byTier);
	}

	private static String orderBy(Sort sort) {
		List<String> terms = new ArrayList<>();
		for (Sort.Order order : sort) {
			String column = MemberSearch.SORTABLE.get(order.getProperty());
			if (column == null) {
				throw new IllegalArgumentException("Cannot sort by " + order.getProperty());
			}
			terms.add(column + (order.isAscending() ? " asc" : " desc"));
		}
		if (terms.isEmpty()) {
			terms.add("name_key asc");
		}
		// a total order, so that pages never overlap
		terms.add("application_id asc");
		return " order by " + String.join(", ", terms);
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(UUID.fromString(rs.getString("application_id")), rs.getString("name"),
				rs.getString("country"), rs.getString("city"), rs.getString("tier"),
				rs.getObject("effective_from", LocalDate.class), rs.getString("website"),
				rs.getObject("member_count", Integer.class), rs.getString("description"));
	}

}
