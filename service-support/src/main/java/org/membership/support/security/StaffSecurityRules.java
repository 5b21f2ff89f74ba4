package org.membership.support.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What a service declares about its own paths: which are open, which need the role STAFF,
 * and what holds for every other API call and page. The rest (Basic and Bearer on
 * {@code /api/**}, the actuator, sessions, CSRF, problem details) is
 * {@link StaffSecurityAutoConfiguration}'s. A service defines one bean, one line per
 * rule, in the order they are tried:
 *
 * <pre class="code">
 * &#64;Bean
 * StaffSecurityRules staffSecurityRules() {
 *     return StaffSecurityRules.staffByDefault()
 *         .open(HttpMethod.POST, "/api/applications")
 *         .staff("/staff", "/staff/**")
 *         .otherPages(Access.OPEN)
 *         .staffConsole("/staff");
 * }
 * </pre>
 *
 * Without such a bean, {@link #staffByDefault()} holds.
 */
public final class StaffSecurityRules {

	/** The role of the association's staff. */
	public static final String STAFF = "STAFF";

	/** Who may call a path. */
	public enum Access {

		/** Anyone, without credentials. */
		OPEN,

		/** Users with the role STAFF. */
		STAFF,

		/** Nobody: the path is not part of the service's interface. */
		DENIED

	}

	private record Rule(HttpMethod method, List<String> patterns, Access access) {
	}

	private final List<Rule> rules;

	private final Access otherApiCalls;

	private final Access otherPages;

	private final String consoleHome;

	private StaffSecurityRules(List<Rule> rules, Access otherApiCalls, Access otherPages, String consoleHome) {
		this.rules = List.copyOf(rules);
		this.otherApiCalls = otherApiCalls;
		this.otherPages = otherPages;
		this.consoleHome = consoleHome;
	}

	/** Rules under which what no rule names needs STAFF, API call or page. */
	public static StaffSecurityRules staffByDefault() {
		return new StaffSecurityRules(List.of(), Access.STAFF, Access.STAFF, null);
	}

	/** Rules under which what no rule names is open, API call or page. */
	public static StaffSecurityRules openByDefault() {
		return new StaffSecurityRules(List.of(), Access.OPEN, Access.OPEN, null);
	}

	/** API calls ({@code /api/**}) not named by a rule. */
	public StaffSecurityRules otherApiCalls(Access access) {
		return new StaffSecurityRules(this.rules, access, this.otherPages, this.consoleHome);
	}

	/**
	 * Pages (everything outside {@code /api/**} and the actuator) not named by a rule.
	 */
	public StaffSecurityRules otherPages(Access access) {
		return new StaffSecurityRules(this.rules, this.otherApiCalls, access, this.consoleHome);
	}

	/** Anyone may call {@code method} on these paths (Ant-style patterns). */
	public StaffSecurityRules open(HttpMethod method, String... patterns) {
		return with(new Rule(method, List.of(patterns), Access.OPEN));
	}

	/** Anyone may call these paths, with any method. */
	public StaffSecurityRules open(String... patterns) {
		return with(new Rule(null, List.of(patterns), Access.OPEN));
	}

	/** Only STAFF may call {@code method} on these paths. */
	public StaffSecurityRules staff(HttpMethod method, String... patterns) {
		return with(new Rule(method, List.of(patterns), Access.STAFF));
	}

	/** Only STAFF may call these paths, with any method. */
	public StaffSecurityRules staff(String... patterns) {
		return with(new Rule(null, List.of(patterns), Access.STAFF));
	}

	/**
	 * The service has a staff console: its pages log in with a form ({@code /login}, a
	 * session, CSRF tokens) and land on {@code home} after the login.
	 */
	public StaffSecurityRules staffConsole(String home) {
		return new StaffSecurityRules(this.rules, this.otherApiCalls, this.otherPages, home);
	}

	/** Whether the service has a staff console (and with it a login page). */
	public boolean hasConsole() {
		return this.consoleHome != null;
	}

	/** Where a form login lands, or null when the service has no console. */
	String consoleHome() {
		return this.consoleHome;
	}

	/**
	 * Who may call {@code method} on the API path {@code path}: the access of the first
	 * rule that names it, in the order the filter chain tries them, else that of other
	 * API calls. A path variable of a path template ({@code /api/applications/{id}})
	 * stands for any one segment. The filter chain decides on real requests; this answers
	 * for what describes them (the OpenAPI document marks the STAFF operations with it).
	 */
	public Access apiAccess(HttpMethod method, String path) {
		for (Rule rule : this.rules) {
			if ((rule.method() == null || rule.method().equals(method)) && matchesAny(rule.patterns(), path)) {
				return rule.access();
			}
		}
		return this.otherApiCalls;
	}

	/**
	 * Whether one of the Ant-style {@code patterns} matches {@code path}, as the filter
	 * chain's matchers do (Spring's path patterns); a path variable matches any segment.
	 */
	static boolean matchesAny(List<String> patterns, String path) {
		PathContainer container = PathContainer.parsePath(path.replaceAll("\\{[^/}]+}", "x"));
		return patterns.stream()
			.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
	}

	void applyToApi(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		apply(requests, this.otherApiCalls);
	}

	void applyToPages(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		apply(requests, this.otherPages);
	}

	private void apply(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			Access otherwise) {
		for (Rule rule : this.rules) {
			String[] patterns = rule.patterns().toArray(String[]::new);
			grant((rule.method() != null) ? requests.requestMatchers(rule.method(), patterns)
					: requests.requestMatchers(patterns), rule.access());
		}
		grant(requests.anyRequest(), otherwise);
	}

	private static void grant(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, Access access) {
		switch (access) {
			case OPEN -> url.permitAll();
			case STAFF -> url.hasRole(STAFF);
			case DENIED -> url.denyAll();
		}
	}

	private StaffSecurityRules with(Rule rule) {
		List<Rule> rules = new ArrayList<>(this.rules);
		rules.add(rule);
		return new StaffSecurityRules(rules, this.otherApiCalls, this.otherPages, this.consoleHome);
	}

	@Override
	public String toString() {
		return "StaffSecurityRules" + this.rules + ", other API calls " + this.otherApiCalls + ", other pages "
				+ this.otherPages + ((this.consoleHome != null) ? ", console " + this.consoleHome : "");
	}

}
