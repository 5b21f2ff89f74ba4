package org.membership.support.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.membership.support.problem.Problems.FieldProblem;

import org.springframework.boot.data.autoconfigure.web.DataWebProperties;

/**
 * The paging policy applied to the raw {@code page}, {@code size} and {@code sort} query
 * parameters, before Spring Data reads them (it would otherwise silently replace a bad
 * value by the default or clamp it to the maximum). The names and the limits are Spring
 * Data's own settings, {@code spring.data.web.pageable.*} and
 * {@code spring.data.web.sort.*}, so the messages state the limits really applied.
 */
final class PageRules {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,18}");

	private static final Set<String> DIRECTIONS = Set.of("asc", "desc");

	private final String pageParameter;

	private final String sizeParameter;

	private final String sortParameter;

	private final int firstPage;

	private final int maxPageSize;

	PageRules(String pageParameter, String sizeParameter, String sortParameter, boolean oneIndexed, int maxPageSize) {
		this.pageParameter = pageParameter;
		this.sizeParameter = sizeParameter;
		this.sortParameter = sortParameter;
		this.firstPage = oneIndexed ? 1 : 0;
		this.maxPageSize = maxPageSize;
	}

	static PageRules of(DataWebProperties properties) {
		DataWebProperties.Pageable pageable = properties.getPageable();
		String prefix = (pageable.getPrefix() != null) ? pageable.getPrefix() : "";
		return new PageRules(prefix + pageable.getPageParameter(), prefix + pageable.getSizeParameter(),
				properties.getSort().getSortParameter(), pageable.isOneIndexedParameters(), pageable.getMaxPageSize());
	}

	/**
	 * The problems of the paging parameters of one request.
	 * @param parameters the request's query parameters by name (null when absent)
	 * @param sortable the sort properties the endpoint accepts
	 */
	List<FieldProblem> check(Function<String, String[]> parameters, Set<String> sortable) {
		List<FieldProblem> problems = new ArrayList<>();
		String page = first(parameters.apply(this.pageParameter));
		if (page != null) {
			String range = (this.firstPage == 0) ? "0 or more" : "1 or more";
			if (!WHOLE_NUMBER.matcher(page).matches()) {
				problems.add(new FieldProblem(this.pageParameter, "must be a whole number, " + range));
			}
			else if (Long.parseLong(page) < this.firstPage) {
				problems.add(new FieldProblem(this.pageParameter, "must be " + range));
			}
			else if (Long.parseLong(page) > Integer.MAX_VALUE) {
				problems.add(new FieldProblem(this.pageParameter, "must be at most " + Integer.MAX_VALUE));
			}
		}
		String size = first(parameters.apply(this.sizeParameter));
		if (size != null) {
			String range = "between 1 and " + this.maxPageSize;
			if (!WHOLE_NUMBER.matcher(size).matches()) {
				problems.add(new FieldProblem(this.sizeParameter, "must be a whole number " + range));
			}
			else if (Long.parseLong(size) < 1 || Long.parseLong(size) > this.maxPageSize) {
				problems.add(new FieldProblem(this.sizeParameter, "must be " + range));
			}
		}
		List<String> unknown = unknownSortProperties(parameters.apply(this.sortParameter), sortable);
		if (!unknown.isEmpty()) {
			problems.add(new FieldProblem(this.sortParameter,
					sortable.isEmpty() ? "is not supported: this list has a fixed order"
							: "cannot sort by " + String.join(", ", unknown.stream().map((p) -> "'" + p + "'").toList())
									+ "; sort by one of " + sortable.stream().sorted().toList()));
		}
		return problems;
	}

	/**
	 * The properties of {@code sort} values that are not sortable, read as Spring Data
	 * reads them: {@code property[,property...][,asc|desc][,ignorecase]}.
	 */
	private static List<String> unknownSortProperties(String[] values, Set<String> sortable) {
		List<String> unknown = new ArrayList<>();
		if (values == null) {
			return unknown;
		}
		for (String value : values) {
			List<String> tokens = new ArrayList<>(
					Arrays.stream(value.split(",")).map(String::strip).filter((token) -> !token.isEmpty()).toList());
			if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equalsIgnoreCase("ignorecase")) {
				tokens.remove(tokens.size() - 1);
			}
			if (!tokens.isEmpty() && DIRECTIONS.contains(tokens.get(tokens.size() - 1).toLowerCase(Locale.ROOT))) {
				tokens.remove(tokens.size() - 1);
			}
			tokens.stream().filter((property) -> !sortable.contains(property)).forEach(unknown::add);
		}
		return unknown;
	}

	/** The first value, as Spring Data reads it; a blank value counts as absent. */
	private static String first(String[] values) {
		return (values == null || values.length == 0 || values[0].isBlank()) ? null : values[0].strip();
	}

}
