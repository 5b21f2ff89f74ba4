package org.membership.onboarding.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: JSON in, status + headers + JSON out. */
public final class Api {

	public static final String STAFF_PASSWORD = "test-staff-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final Map<String, String> headers;

	public Api(int port) {
		this("http://127.0.0.1:" + port, Map.of());
	}

	private Api(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	/** The same client with HTTP Basic credentials. */
	public Api as(String user, String password) {
		return with("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Api asStaff() {
		return as("staff", STAFF_PASSWORD);
	}

	public Api with(String header, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(header, value);
		return new Api(this.base, copy);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	public Response post(String path, Object body) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text)));
	}

	public Response post(String path, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private Response send(HttpRequest.Builder builder) {
		this.headers.forEach(builder::header);
		builder.timeout(Duration.ofSeconds(60));
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An answer. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String text(String field) {
			return json().path(field).asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
