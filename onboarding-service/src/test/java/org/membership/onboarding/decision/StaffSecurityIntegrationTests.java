package org.membership.onboarding.decision;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only staff decide: every staff endpoint answers 401 to anonymous and 403 to other
 * users.
 */
@OnboardingIntegrationTest
class StaffSecurityIntegrationTests {

	@LocalServerPort
	private int port;

	private UUID id;

	@BeforeEach
	void submit() {
		this.id = UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
	}

	/** A staff endpoint of the JSON API: method, path ({id} is replaced), body. */
	record Endpoint(String method, String path, Object body) {

		Api.Response call(Api api, UUID id) {
			String resolved = this.path.replace("{id}", id.toString());
			return "GET".equals(this.method) ? api.get(resolved) : api.post(resolved, this.body);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static Stream<Arguments> staffEndpoints() {
		return Stream
			.of(new Endpoint("GET", "/api/applications", null),
					new Endpoint("GET", "/api/applications?status=SUBMITTED", null),
					new Endpoint("GET", "/api/applications/{id}", null),
					new Endpoint("POST", "/api/applications/{id}/approval",
							Map.of("tier", "FULL", "effectiveFrom", LocalDate.now().plusDays(30).toString())),
					new Endpoint("POST", "/api/applications/{id}/rejection", Map.of("reason", "Not a cluster")),
					new Endpoint("GET", "/actuator/metrics", null))
			.map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("staffEndpoints")
	void anonymousCallersAreUnauthorized(Endpoint endpoint) {
		Api.Response response = endpoint.call(new Api(this.port), this.id);

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		assertStillSubmitted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("staffEndpoints")
	void wrongPasswordsAreUnauthorized(Endpoint endpoint) {
		Api.Response response = endpoint.call(new Api(this.port).as("staff", "guessed"), this.id);

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertStillSubmitted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("staffEndpoints")
	void usersWithoutTheStaffRoleAreForbidden(Endpoint endpoint) {
		Api.Response response = endpoint.call(new Api(this.port).as("viewer", "viewer-password"), this.id);

		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertStillSubmitted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("staffEndpoints")
	void staffUsersAreLetIn(Endpoint endpoint) {
		Api.Response response = endpoint.call(new Api(this.port).asStaff(), this.id);

		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
	}

	@Test
	void theStaffConsoleSendsAnonymousVisitorsToTheLoginPage() {
		Browser.Page page = new Browser(this.port).get("/staff");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
	}

	@Test
	void theStaffConsoleIsForbiddenToUsersWithoutTheStaffRole() {
		Browser browser = new Browser(this.port);
		assertThat(browser.logIn("viewer", "viewer-password").status()).isEqualTo(302);

		assertThat(browser.get("/staff").status()).isEqualTo(403);
	}

	@Test
	void theLoginPageIsInTheCommonLook() {
		Browser.Page login = new Browser(this.port).get("/login");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("<h1>Staff login</h1>")
			.contains("href=\"/membership/site.css\"")
			.contains("<label for=\"username\">")
			.doesNotContain("Please sign in");
		assertThat(new Browser(this.port).get("/login?error").body()).contains("Wrong user name or password.");
	}

	@Test
	void theStaffConsoleOpensAfterAStaffLogin() {
		Browser browser = new Browser(this.port);
		Browser.Page login = browser.logIn("staff", Api.STAFF_PASSWORD);
		assertThat(login.status()).isEqualTo(302);

		Browser.Page console = browser.get("/staff");

		assertThat(console.status()).as(console.toString()).isEqualTo(200);
		assertThat(console.body()).contains("Applications awaiting a decision")
			.contains("action=\"/logout\"")
			.contains("href=\"/membership/site.css\"");
		Browser.Page application = browser.get("/staff/applications/" + this.id);
		assertThat(application.status()).as(application.toString()).isEqualTo(200);
		assertThat(application.body()).contains("CLUJ IT Cluster");
	}

	@Test
	void theLoginFormNeedsItsCsrfToken() {
		Browser.Page page = new Browser(this.port).post("/login",
				Map.of("username", "staff", "password", Api.STAFF_PASSWORD));

		assertThat(page.status()).isEqualTo(403);
	}

	private void assertStillSubmitted() {
		assertThat(new Api(this.port).asStaff().get("/api/applications/" + this.id).text("status"))
			.isEqualTo("SUBMITTED");
	}

}
