package org.membership.support.security;

import java.util.List;

/**
 * Paths outside {@code /api/**} that service-support serves to anyone in every service
 * (the OpenAPI document and Swagger UI): open ahead of a service's
 * {@link StaffSecurityRules}, so that a service whose other pages are denied or need
 * STAFF still shows them. The package that serves such paths declares one bean of this
 * type.
 *
 * @param patterns path patterns, e.g. {@code /v3/api-docs/**}; open for {@code GET} only
 */
public record PublicPages(List<String> patterns) {

	public PublicPages {
		patterns = List.copyOf(patterns);
	}

	/** These paths are open to {@code GET}. */
	public static PublicPages paths(String... patterns) {
		return new PublicPages(List.of(patterns));
	}

}
