package org.membership.directory.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.stack.testing.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A STAFF endpoint takes a valid staff token (signed by onboarding-service's key, here
 * the test JVM's), refuses every bad one with problem details, and still takes Basic.
 */
@DirectoryIntegrationTest
class StaffTokenIntegrationTests {

	private static final String STAFF_ENDPOINT = "/api/dead-letters";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private TestRestTemplate http;

	@ParameterizedTest
	@EnumSource(StaffTokens.Case.class)
	void aStaffEndpointAnswersEachKindOfToken(StaffTokens.Case token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token.token());

		ResponseEntity<String> response = this.http.exchange(STAFF_ENDPOINT, HttpMethod.GET, new HttpEntity<>(headers),
				String.class);

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(token.status());
		if (token.status() != 200) {
			assertProblem(response, token.status());
		}
	}

	@Test
	void basicStillOpensStaffEndpoints() {
		assertThat(this.http.withBasicAuth("staff", "test-staff-secret")
			.getForEntity(STAFF_ENDPOINT, String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void withoutCredentialsAStaffEndpointNamesBothWaysIn() {
		ResponseEntity<String> response = this.http.getForEntity(STAFF_ENDPOINT, String.class);

		assertProblem(response, 401);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
			.anyMatch((value) -> value.startsWith("Basic"))
			.anyMatch((value) -> value.startsWith("Bearer"));
	}

	@Test
	void aWrongPasswordIsUnauthorized() {
		assertProblem(this.http.withBasicAuth("staff", "guessed").getForEntity(STAFF_ENDPOINT, String.class), 401);
	}

	private static void assertProblem(ResponseEntity<String> response, int status) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType())
			.matches((type) -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		JsonNode problem = JSON.readTree(response.getBody());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).startsWith("urn:membership:problem:");
	}

}
