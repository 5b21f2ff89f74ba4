package org.membership.support.paging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.membership.support.problem.Problems.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class PageRulesTests {

	private final PageRules rules = new PageRules("page", "size", "sort", false, 100);

	private static final Set<String> SORTABLE = Set.of("name", "memberSince");

	@Test
	void aPageInTheLimitsPasses() {
		assertThat(check(Map.of("page", "0", "size", "1"))).isEmpty();
		assertThat(check(Map.of("page", "7", "size", "100", "sort", "name,desc"))).isEmpty();
		assertThat(check(Map.of("sort", "memberSince,ASC,ignorecase"))).isEmpty();
		assertThat(check(Map.of("size", "", "page", " "))).isEmpty();
	}

	@Test
	void aSizeOutsideOneToTheMaximumSaysTheRealLimit() {
		assertThat(check(Map.of("size", "0"))).containsExactly(new FieldProblem("size", "must be between 1 and 100"));
		assertThat(check(Map.of("size", "101"))).containsExactly(new FieldProblem("size", "must be between 1 and 100"));
		assertThat(check(Map.of("size", "-1"))).containsExactly(new FieldProblem("size", "must be between 1 and 100"));
		assertThat(check(Map.of("size", "abc")))
			.containsExactly(new FieldProblem("size", "must be a whole number between 1 and 100"));
		assertThat(new PageRules("page", "size", "sort", false, 50).check(parameters(Map.of("size", "51")), SORTABLE))
			.containsExactly(new FieldProblem("size", "must be between 1 and 50"));
	}

	@Test
	void aNegativeOrNonNumericPageIsBad() {
		assertThat(check(Map.of("page", "-1"))).containsExactly(new FieldProblem("page", "must be 0 or more"));
		assertThat(check(Map.of("page", "first")))
			.containsExactly(new FieldProblem("page", "must be a whole number, 0 or more"));
		assertThat(check(Map.of("page", "99999999999"))).extracting(FieldProblem::field).containsExactly("page");
		assertThat(new PageRules("page", "size", "sort", true, 100).check(parameters(Map.of("page", "0")), SORTABLE))
			.containsExactly(new FieldProblem("page", "must be 1 or more"));
	}

	@Test
	void anUnknownSortPropertyNamesTheSortableOnes() {
		assertThat(check(Map.of("sort", "website,desc")))
			.containsExactly(new FieldProblem("sort", "cannot sort by 'website'; sort by one of [memberSince, name]"));
		assertThat(this.rules.check(parameters(Map.of("sort", "name")), Set.of()))
			.containsExactly(new FieldProblem("sort", "is not supported: this list has a fixed order"));
	}

	@Test
	void everyBadParameterIsListed() {
		assertThat(check(Map.of("page", "-1", "size", "500", "sort", "foo"))).extracting(FieldProblem::field)
			.containsExactly("page", "size", "sort");
	}

	@Test
	void theParameterNamesAreSpringDatasSettings() {
		PageRules prefixed = new PageRules("p_page", "p_size", "order", false, 100);
		assertThat(prefixed.check(parameters(Map.of("p_size", "0", "size", "0", "order", "x")), SORTABLE))
			.extracting(FieldProblem::field)
			.containsExactly("p_size", "order");
	}

	private List<FieldProblem> check(Map<String, String> query) {
		return this.rules.check(parameters(query), SORTABLE);
	}

	private static Function<String, String[]> parameters(Map<String, String> query) {
		return (name) -> query.containsKey(name) ? new String[] { query.get(name) } : null;
	}

}
