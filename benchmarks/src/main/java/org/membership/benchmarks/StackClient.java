package org.membership.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the three services of the stack under measure, outside Gatling: the
 * flow scenarios (P1, P2, P4) follow events through the system rather than load one
 * endpoint.
 *
 * @param onboarding the onboarding-service
 * @param directory the directory-service
 * @param notification the notification-service
 */
record StackClient(URI onboarding, URI directory, URI notification, HttpClient http) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	StackClient(URI onboarding, URI directory, URI notification) {
		this(onboarding, directory, notification,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5))
					.build());
	}

	/** {@code GET}; the status and the body ({@code null} unless 200). */
	JsonNode get(URI base, String path, String token) {
		HttpResponse<String> response = send(request(base, path, token).GET());
		return (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
	}

	/** Whether {@code GET} answers 200. */
	boolean exists(URI base, String path) {
		return send(request(base, path, null).GET()).statusCode() == 200;
	}

	/** {@code POST} with a JSON body, expecting {@code expectedStatus}. */
	JsonNode post(URI base, String path, String token, String body, int expectedStatus) {
		HttpResponse<String> response = send(request(base, path, token).header("Content-Type", "application/json")
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException("POST " + base.resolve(path) + " answered " + response.statusCode()
					+ " instead of " + expectedStatus + ": " + response.body());
		}
		return response.body().isEmpty() ? null : JSON.readTree(response.body());
	}

	/** {@code totalElements} of a paged list (one element asked for). */
	long total(URI base, String path) {
		JsonNode page = get(base, path + (path.contains("?") ? "&" : "?") + "size=1", null);
		if (page == null) {
			throw new IllegalStateException("GET " + base.resolve(path) + " did not answer 200");
		}
		return page.path("page").path("totalElements").asLong();
	}

	private static HttpRequest.Builder request(URI base, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
