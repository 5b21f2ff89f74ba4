package org.membership.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a simulation prepares outside its measured phases, over plain HTTP: applications
 * to decide on, and the staff token.
 */
final class OnboardingClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI onboarding;

	OnboardingClient(URI onboarding) {
		this.onboarding = onboarding;
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Submits {@code count} reference-story applications, {@code concurrency} at a time;
	 * their ids.
	 */
	List<String> submitApplications(int count, int concurrency) {
		try (ExecutorService executor = Executors.newFixedThreadPool(concurrency)) {
			List<Future<String>> submitted = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				submitted.add(executor.submit(() -> submit(ReferenceStory.nextApplication())));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> id : submitted) {
				ids.add(id.get());
			}
			return ids;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while preparing applications", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not prepare the applications: " + ex.getCause().getMessage(),
					ex.getCause());
		}
	}

	String submit(String application) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.onboarding.resolve("/api/applications"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(application)), 201);
		return JSON.readTree(response.body()).get("id").asString();
	}

	/** The staff token, exchanged once for the password (README, "Staff tokens"). */
	String staffToken(String password) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.onboarding.resolve("/api/staff/token"))
			.header("Authorization", basic("staff", password))
			.POST(HttpRequest.BodyPublishers.noBody()), 200);
		JsonNode token = JSON.readTree(response.body());
		return token.get("access_token").asString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus)
			throws IOException, InterruptedException {
		HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
		HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
					+ " instead of " + expectedStatus + ": " + response.body());
		}
		return response;
	}

}
