package org.membership.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's HTTP interfaces as an applicant, a member of staff and a visitor use them,
 * wherever the system runs (the local stack or the compose stack).
 *
 * @param onboarding the onboarding service's base address
 * @param directory the directory service's base address
 * @param notification the notification service's base address
 * @param staffPassword the password of the {@code staff} user
 */
record PublicApi(URI onboarding, URI directory, URI notification, String staffPassword) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * The reference story's membership form: CLUJ IT Cluster applies as a Full Member.
	 */
	static String clujItClusterApplication(String contactEmail) {
		return """
				{
				  "organisation": {
				    "name": "CLUJ IT Cluster",
				    "legalName": "Asociația CLUJ IT",
				    "country": "RO",
				    "city": "Cluj-Napoca",
				    "website": "https://www.clujit.ro",
				    "type": "CLUSTER",
				    "foundedOn": "2012-10-01",
				    "memberCount": 90,
				    "description": "Innovative cluster of IT companies, universities and research institutes.",
				    "aims": "aims to foster a digital innovation ecosystem in the region of Transylvania, connecting companies, universities and public bodies"
				  },
				  "requestedTier": "FULL",
				  "contact": { "name": "Andrei Kelemen", "role": "CEO", "email": "%s" },
				  "statement": { "text": "Joining DIGITAL SME gives the companies of our cluster a voice in Brussels and partners across Europe. We look forward to bringing what the digital ecosystem of Transylvania has learnt, from start-ups to universities, to the work of the Alliance." }
				}"""
			.formatted(contactEmail);
	}

	/** Submits a minimal application for an association in Brussels; its id. */
	String submit(String name, String email) throws Exception {
		return submit(name, email, null);
	}

	/**
	 * Submits a minimal application for an association in Brussels as a caller in the
	 * trace of {@code traceparent} (W3C trace context; none when null); its id.
	 */
	String submit(String name, String email, String traceparent) throws Exception {
		HttpResponse<String> response = post(this.onboarding, "/api/applications", traceparent, """
				{
				  "organisation": { "name": "%s", "country": "BE", "city": "Brussels", "type": "ASSOCIATION" },
				  "requestedTier": "ASSOCIATE",
				  "contact": { "name": "Ada Peeters", "email": "%s" }
				}""".formatted(name, email), false);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("id").asString();
	}

	HttpResponse<String> apply(String applicationJson) throws Exception {
		return post(this.onboarding, "/api/applications", applicationJson, false);
	}

	HttpResponse<String> approve(String id, String tier, LocalDate effectiveFrom) throws Exception {
		return post(this.onboarding, "/api/applications/" + id + "/approval",
				"{\"tier\": \"" + tier + "\", \"effectiveFrom\": \"" + effectiveFrom + "\"}", true);
	}

	HttpResponse<String> reject(String id, String reason) throws Exception {
		return post(this.onboarding, "/api/applications/" + id + "/rejection", "{\"reason\": \"" + reason + "\"}",
				true);
	}

	/**
	 * A staff token from onboarding-service ({@code POST /api/staff/token}), bought with
	 * the staff password.
	 */
	String staffToken() throws Exception {
		HttpResponse<String> response = post(this.onboarding, "/api/staff/token", "", true);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	/**
	 * A GET with {@code Authorization: Bearer token}, or with no credentials when null.
	 */
	static HttpResponse<String> get(URI base, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * What a STAFF endpoint of each service (onboarding, directory, notification) answers
	 * to {@code token}, or to no credentials when it is null.
	 */
	List<Integer> staffEndpointStatuses(String token) throws Exception {
		return List.of(get(this.onboarding, "/api/applications", token).statusCode(),
				get(this.directory, "/api/directory/lag", token).statusCode(),
				get(this.notification, "/api/notifications", token).statusCode());
	}

	/** The directory's entry of a member: 200 with the entry, or 404. */
	HttpResponse<String> member(String id) throws Exception {
		return get(this.directory, "/api/members/" + id);
	}

	/** The ids of the listed members that the search finds. */
	List<String> searchMembers(String query) throws Exception {
		return ids(get(this.directory, "/api/members?q=" + query).body());
	}

	/** The ids of the approved members whose membership has not begun yet. */
	List<String> joiningMembers() throws Exception {
		return ids(get(this.directory, "/api/members/joining?size=100").body());
	}

	String announcementFeed() throws Exception {
		HttpResponse<String> feed = get(this.notification, "/announcements.atom");
		assertThat(feed.statusCode()).isEqualTo(200);
		return feed.body();
	}

	/** The first page (up to 100) of a service's dead letters, as staff see them. */
	HttpResponse<String> deadLetters(URI service) throws Exception {
		return HTTP.send(staff(HttpRequest.newBuilder(service.resolve("/api/dead-letters?size=100")))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Replays one dead letter in the service that holds it. */
	HttpResponse<String> replayDeadLetter(URI service, String topic, int partition, long offset) throws Exception {
		return post(service, "/api/dead-letters/" + topic + "/" + partition + "/" + offset + "/replay", "", true);
	}

	static HttpResponse<String> get(URI base, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "*/*").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(URI base, String path, String json, boolean asStaff) throws Exception {
		return post(base, path, null, json, asStaff);
	}

	private HttpResponse<String> post(URI base, String path, String traceparent, String json, boolean asStaff)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (asStaff) {
			staff(request);
		}
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder staff(HttpRequest.Builder request) {
		return request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString(("staff:" + this.staffPassword).getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> ids(String page) {
		return JSON.readTree(page).get("content").valueStream().map((member) -> member.get("id").asString()).toList();
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
