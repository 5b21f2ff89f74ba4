package org.membership.onboarding.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.stack.testing.StaffTokens;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff tokens: {@code POST /api/staff/token} exchanges a staff password for a token, and
 * a STAFF endpoint takes a valid token, refuses every bad one, and still takes Basic.
 */
@OnboardingIntegrationTest
class StaffTokenIntegrationTests {

	private static final String STAFF_ENDPOINT = "/api/applications";

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@EnumSource(StaffTokens.Case.class)
	void aStaffEndpointAnswersEachKindOfToken(StaffTokens.Case token) {
		Api.Response response = new Api(this.port).with("Authorization", "Bearer " + token.token()).get(STAFF_ENDPOINT);

		assertThat(response.status()).as(response.toString()).isEqualTo(token.status());
		if (token.status() != 200) {
			assertProblem(response, token.status());
		}
	}

	@Test
	void aStaffPasswordBuysATokenThatOpensStaffEndpoints() {
		Api.Response issued = new Api(this.port).asStaff().post("/api/staff/token", "");

		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.text("token_type")).isEqualTo("Bearer");
		assertThat(issued.json().get("expires_in").asLong()).isEqualTo(3600);
		Api.Response listed = new Api(this.port).with("Authorization", "Bearer " + issued.text("access_token"))
			.get(STAFF_ENDPOINT);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordBuysNoToken() {
		Api.Response response = new Api(this.port).as("staff", "guessed").post("/api/staff/token", "");

		assertProblem(response, 401);
	}

	@Test
	void aUserWithoutTheStaffRoleBuysNoToken() {
		Api.Response response = new Api(this.port).as("viewer", "viewer-password").post("/api/staff/token", "");

		assertProblem(response, 403);
	}

	@Test
	void basicStillOpensStaffEndpoints() {
		assertThat(new Api(this.port).asStaff().get(STAFF_ENDPOINT).status()).isEqualTo(200);
	}

	@Test
	void withoutCredentialsAStaffEndpointNamesBothWaysIn() {
		Api.Response response = new Api(this.port).get(STAFF_ENDPOINT);

		assertProblem(response, 401);
		assertThat(response.headers()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("WWW-Authenticate"))
			.flatMap((header) -> header.getValue().stream())).anyMatch((value) -> value.startsWith("Basic"))
			.anyMatch((value) -> value.startsWith("Bearer"));
	}

	private static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.text("type")).startsWith("urn:membership:problem:");
	}

}
