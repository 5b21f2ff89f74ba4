package org.membership.support.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.support.problem.ProblemException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/staff/token}: a staff user exchanges a password (HTTP Basic) for a
 * token, answered in the OAuth2 token response shape (RFC 6749, section 5.1). Only a
 * password buys a token: a token cannot renew itself, so a leaked one dies when it
 * expires.
 */
@RestController
@Tag(name = "Staff tokens")
final class StaffTokenController {

	static final String PATH = "/api/staff/token";

	private final StaffTokenIssuer issuer;

	StaffTokenController(StaffTokenIssuer issuer) {
		this.issuer = issuer;
	}

	@Operation(summary = "Exchange a staff password for a Bearer token",
			description = "HTTP Basic only: a token does not buy another one (403). The answer is the OAuth2 token"
					+ " response; the token is accepted by every service.",
			security = @SecurityRequirement(name = "basicAuth"))
	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> token(Authentication user) {
		if (!(user instanceof UsernamePasswordAuthenticationToken)) {
			throw new ProblemException(HttpStatus.FORBIDDEN,
					"A token is issued for a user name and password (HTTP Basic), not for another token.");
		}
		StaffTokenIssuer.Issued issued = this.issuer.issue(user);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.body(new TokenResponse(issued.token(), "Bearer", issued.expiresIn()));
	}

	/**
	 * The OAuth2 token response.
	 *
	 * @param accessToken the signed JWT
	 * @param tokenType always {@code Bearer}
	 * @param expiresIn seconds until it expires
	 */
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}

}
