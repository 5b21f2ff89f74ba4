package org.membership.stack.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * The staff token matrix every service must pass on one of its STAFF endpoints: a valid
 * token (signed with the test JVM's key, as onboarding-service signs with its own) opens
 * it, every bad one ({@link StaffTokens.Case}) is refused with problem details, Basic
 * still works, and without credentials the 401 names both ways in. A service's test
 * extends it with its own Spring test annotation and names the endpoint and the staff
 * password.
 */
public abstract class StaffTokenMatrix {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private TestRestTemplate http;

	/** A GET endpoint of the service that needs the role STAFF. */
	protected abstract String staffEndpoint();

	/** The password of the {@code staff} user in the service's test configuration. */
	protected abstract String staffPassword();

	@ParameterizedTest
	@EnumSource(StaffTokens.Case.class)
	void aStaffEndpointAnswersEachKindOfToken(StaffTokens.Case token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token.token());

		ResponseEntity<String> response = this.http.exchange(staffEndpoint(), HttpMethod.GET, new HttpEntity<>(headers),
				String.class);

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(token.status());
		if (token.status() != 200) {
			assertProblem(response, token.status());
		}
	}

	@Test
	void basicStillOpensStaffEndpoints() {
		assertThat(this.http.withBasicAuth("staff", staffPassword())
			.getForEntity(staffEndpoint(), String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void withoutCredentialsAStaffEndpointNamesBothWaysIn() {
		ResponseEntity<String> response = this.http.getForEntity(staffEndpoint(), String.class);

		assertProblem(response, 401);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
			.anyMatch((value) -> value.startsWith("Basic"))
			.anyMatch((value) -> value.startsWith("Bearer"));
	}

	@Test
	void aWrongPasswordIsUnauthorized() {
		assertProblem(this.http.withBasicAuth("staff", "guessed").getForEntity(staffEndpoint(), String.class), 401);
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
