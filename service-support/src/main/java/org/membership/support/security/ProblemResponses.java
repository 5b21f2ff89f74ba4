package org.membership.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.membership.support.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details, for every way in: no credentials, a wrong password, a
 * bad token (expired, tampered, foreign, unsigned), a user without the role. A 401 names
 * each way to authenticate in {@code WWW-Authenticate}: Basic first, then Bearer (with
 * the RFC 6750 error when a token was refused).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final String realm;

	private final boolean bearer;

	/**
	 * @param realm the Basic realm, the service's name
	 * @param bearer whether Bearer tokens are accepted
	 */
	ProblemResponses(String realm, boolean bearer) {
		this.realm = realm;
		this.bearer = bearer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + this.realm + "\"");
		String detail;
		if (ex instanceof OAuth2AuthenticationException oauth) {
			String reason = (oauth.getError().getDescription() != null) ? oauth.getError().getDescription()
					: oauth.getError().getErrorCode();
			detail = "The Bearer token is not valid: " + reason;
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"" + quotable(reason) + "\"");
		}
		else {
			detail = (ex instanceof BadCredentialsException) ? "The user name or password is wrong."
					: "This needs a staff user: HTTP Basic" + (this.bearer ? " or a Bearer token." : ".");
			if (this.bearer) {
				response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			}
		}
		Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, detail));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Problems.write(request, response,
				Problems.problem(HttpStatus.FORBIDDEN, "This needs the role " + StaffSecurityRules.STAFF + "."));
	}

	private static String quotable(String text) {
		return text.replaceAll("[\"\\\\\\p{Cntrl}]", "");
	}

}
