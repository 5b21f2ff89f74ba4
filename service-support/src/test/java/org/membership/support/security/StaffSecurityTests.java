package org.membership.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff security on a running server: HTTP Basic and Bearer tokens on the API, the token
 * endpoint, and every refusal as problem details.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class StaffSecurityTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		SecuredTestApplication.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void aStaffPasswordBuysATokenInTheOAuth2ResponseShape() throws Exception {
		HttpResponse<String> response = send("POST", "/api/staff/token",
				basic("staff", SecuredTestApplication.STAFF_PASSWORD));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
		JsonNode header = part(body.get("access_token").asString(), 0);
		JsonNode claims = part(body.get("access_token").asString(), 1);
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		assertThat(claims.get("iss").asString()).isEqualTo(SecuredTestApplication.ISSUER);
		assertThat(claims.get("sub").asString()).isEqualTo("staff");
		assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("STAFF");
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
	}

	@Test
	void theTokenOfTheEndpointOpensStaffCallsWithoutAPassword() throws Exception {
		String token = JSON
			.readTree(send("POST", "/api/staff/token", basic("clerk", SecuredTestApplication.OTHER_PASSWORD)).body())
			.get("access_token")
			.asString();

		HttpResponse<String> response = send("GET", "/api/things", bearer(token));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("for staff");
	}

	@Test
	void aWrongPasswordGetsNoToken() throws Exception {
		HttpResponse<String> response = send("POST", "/api/staff/token", basic("staff", "guessed"));

		assertProblem(response, 401, "urn:membership:problem:unauthorized");
		assertThat(JSON.readTree(response.body()).get("detail").asString())
			.isEqualTo("The user name or password is wrong.");
	}

	@Test
	void aUserWithoutTheStaffRoleGetsNoToken() throws Exception {
		assertProblem(send("POST", "/api/staff/token", basic("viewer", SecuredTestApplication.OTHER_PASSWORD)), 403,
				"urn:membership:problem:forbidden");
	}

	@Test
	void aTokenDoesNotBuyAnotherToken() throws Exception {
		assertProblem(send("POST", "/api/staff/token",
				bearer(issuer(Clock.systemUTC(), SecuredTestApplication.ISSUER)
					.issue(new TestingAuthenticationToken("staff", null, "ROLE_STAFF"))
					.token())),
				403, "urn:membership:problem:forbidden");
	}

	@Test
	void basicStillOpensStaffCalls() throws Exception {
		assertThat(send("GET", "/api/things", basic("staff", SecuredTestApplication.STAFF_PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void withoutCredentialsAStaffCallIsUnauthorizedAndNamesBothWaysIn() throws Exception {
		HttpResponse<String> response = send("GET", "/api/things", null);

		assertProblem(response, 401, "urn:membership:problem:unauthorized");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"test-service\"",
				"Bearer");
		assertThat(JSON.readTree(response.body()).get("instance").asString()).isEqualTo("/api/things");
	}

	@Test
	void anExpiredTokenIsUnauthorized() throws Exception {
		Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
		HttpResponse<String> response = send("GET", "/api/things",
				bearer(staffToken(anHourAgo, SecuredTestApplication.ISSUER)));

		assertProblem(response, 401, "urn:membership:problem:unauthorized");
		assertThat(response.headers().allValues("WWW-Authenticate")).anySatisfy(
				(challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\"").contains("expired"));
	}

	@Test
	void aTamperedTokenIsUnauthorized() throws Exception {
		String[] parts = issuer(Clock.systemUTC(), SecuredTestApplication.ISSUER)
			.issue(new TestingAuthenticationToken("viewer", null, "ROLE_USER"))
			.token()
			.split("\\.");
		String promoted = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"roles\":[\"USER\"]", "\"roles\":[\"STAFF\"]");
		assertThat(promoted).contains("STAFF");
		String tampered = parts[0] + "." + base64(promoted) + "." + parts[2];

		assertProblem(send("GET", "/api/things", bearer(tampered)), 401, "urn:membership:problem:unauthorized");
	}

	@Test
	void aTokenOfAnotherIssuerIsUnauthorized() throws Exception {
		assertProblem(send("GET", "/api/things", bearer(staffToken(Clock.systemUTC(), "urn:example:someone-else"))),
				401, "urn:membership:problem:unauthorized");
	}

	@Test
	void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String token = new StaffTokenIssuer((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate(),
				SecuredTestApplication.ISSUER, Duration.ofMinutes(5), Clock.systemUTC())
			.issue(new TestingAuthenticationToken("staff", null, "ROLE_STAFF"))
			.token();

		assertProblem(send("GET", "/api/things", bearer(token)), 401, "urn:membership:problem:unauthorized");
	}

	@Test
	void anUnsignedTokenIsUnauthorized() throws Exception {
		String[] parts = staffToken(Clock.systemUTC(), SecuredTestApplication.ISSUER).split("\\.");
		String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

		assertProblem(send("GET", "/api/things", bearer(unsigned)), 401, "urn:membership:problem:unauthorized");
	}

	@Test
	void aValidTokenWithoutTheStaffRoleIsForbidden() throws Exception {
		String token = issuer(Clock.systemUTC(), SecuredTestApplication.ISSUER)
			.issue(new TestingAuthenticationToken("viewer", null, "ROLE_USER"))
			.token();

		HttpResponse<String> response = send("GET", "/api/things", bearer(token));

		assertProblem(response, 403, "urn:membership:problem:forbidden");
		assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("This needs the role STAFF.");
	}

	@Test
	void whatServiceSupportServesToStaffNeedsStaffWhateverTheServicesRulesSay() throws Exception {
		assertProblem(send("GET", "/api/support/letters", null), 401, "urn:membership:problem:unauthorized");
		assertThat(
				send("GET", "/api/support/letters", basic("staff", SecuredTestApplication.STAFF_PASSWORD)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void openCallsAndPagesNeedNoCredentials() throws Exception {
		assertThat(send("GET", "/api/open", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/page", null).statusCode()).isEqualTo(200);
	}

	private static StaffTokenIssuer issuer(Clock clock, String name) {
		return new StaffTokenIssuer((RSAPrivateCrtKey) SecuredTestApplication.KEYS.getPrivate(), name,
				Duration.ofMinutes(5), clock);
	}

	private static String staffToken(Clock clock, String issuer) {
		return issuer(clock, issuer).issue(new TestingAuthenticationToken("staff", null, "ROLE_STAFF")).token();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo(type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
	}

	private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static JsonNode part(String token, int index) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
	}

}
