package org.membership.support.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * API paths that service-support itself serves to staff (the dead letters, the token
 * endpoint): they need STAFF in every service, ahead of its {@link StaffSecurityRules},
 * so that a service whose API is open by default does not open them too. The package that
 * serves such paths declares one bean of this type.
 *
 * @param method the one method that needs STAFF, or {@code null} for every method
 * @param patterns path patterns under {@code /api/}, e.g. {@code /api/dead-letters/**}
 */
public record StaffOnlyApi(HttpMethod method, List<String> patterns) {

	public StaffOnlyApi {
		patterns = List.copyOf(patterns);
	}

	/**
	 * Whether {@code method} on {@code path} (a path template's variables match any
	 * segment) is one of these.
	 */
	public boolean matches(HttpMethod method, String path) {
		return (this.method == null || this.method.equals(method))
				&& StaffSecurityRules.matchesAny(this.patterns, path);
	}

	/** These paths need STAFF, whatever the method. */
	public static StaffOnlyApi paths(String... patterns) {
		return new StaffOnlyApi(null, List.of(patterns));
	}

}
