package org.membership.onboarding.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging policy of every service on the staff's list of applications: bad page, size
 * and sort parameters, and other bad query parameters, are 400 problem details naming
 * every one of them; a good page is 200.
 */
@OnboardingIntegrationTest
class PagingIntegrationTests {

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "size=0                  | size        | must be between 1 and 100",
					"size=101                | size        | must be between 1 and 100",
					"size=abc                | size        | must be a whole number between 1 and 100",
					"page=-1                 | page        | must be 0 or more",
					"sort=foo                | sort        | is not supported: this list has a fixed order",
					"size=0&page=-1          | size,page   | ", "size=2000&status=LOST   | size,status | " })
	void badParametersAreListedIn400ProblemDetails(String query, String parameters, String message) {
		Api.Response response = new Api(this.port).asStaff().get("/api/applications?" + query);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("urn:membership:problem:invalid-input");
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder(parameters.split(","));
		if (message != null) {
			assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo(message);
		}
	}

	@ParameterizedTest
	@CsvSource({ "'',20", "size=100,100", "size=1&page=3&status=SUBMITTED,1" })
	void aGoodPageIsServed(String query, int size) {
		Api.Response response = new Api(this.port).asStaff().get("/api/applications?" + query);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("page").path("size").asInt()).isEqualTo(size);
	}

}
