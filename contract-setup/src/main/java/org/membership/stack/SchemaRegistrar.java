package org.membership.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.membership.events.EventTopic;
import org.membership.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the contract's schemas through the registry's Confluent-compatible API, the
 * way a build step would, and sets each subject to BACKWARD_TRANSITIVE compatibility: a
 * new version must be readable by consumers of every older version.
 */
public final class SchemaRegistrar {

	/** The compatibility level of every subject of the contract. */
	public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final String confluentCompatibleUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * @param confluentCompatibleUrl e.g. {@code http://127.0.0.1:8080/apis/ccompat/v7}
	 */
	public SchemaRegistrar(String confluentCompatibleUrl) {
		this.confluentCompatibleUrl = confluentCompatibleUrl;
	}

	/**
	 * Registers every schema of the contract under {@code <topic>-value}.
	 * @return the schema id of each subject
	 */
	public Map<String, Integer> registerContract() {
		Map<String, Integer> ids = new LinkedHashMap<>();
		for (EventTopic topic : Topics.ALL) {
			ids.put(topic.valueSubject(), register(topic.valueSubject(), topic.schema()));
		}
		return ids;
	}

	/**
	 * Registers {@code schema} under {@code subject} (returning the existing id when it
	 * is there already) and sets the subject's compatibility to {@value #COMPATIBILITY}.
	 * @return the schema id, as written in the Confluent wire format
	 * @throws IncompatibleSchemaException when the registry rejects the schema as
	 * incompatible with an earlier version
	 */
	public int register(String subject, Schema schema) {
		HttpResponse<String> response = send("POST", "/subjects/" + encode(subject) + "/versions",
				Map.of("schema", schema.toString()));
		if (response.statusCode() == 409) {
			throw new IncompatibleSchemaException(subject, response.body());
		}
		requireSuccess(response, "registering a schema under " + subject);
		int id = JSON.readTree(response.body()).get("id").asInt();
		requireSuccess(send("PUT", "/config/" + encode(subject), Map.of("compatibility", COMPATIBILITY)),
				"setting the compatibility of " + subject);
		return id;
	}

	/** The compatibility level configured for {@code subject}. */
	public String compatibility(String subject) {
		HttpResponse<String> response = send("GET", "/config/" + encode(subject), null);
		requireSuccess(response, "reading the compatibility of " + subject);
		JsonNode body = JSON.readTree(response.body());
		return body.has("compatibilityLevel") ? body.get("compatibilityLevel").asString()
				: body.get("compatibility").asString();
	}

	/** Every subject the registry holds. */
	public List<String> subjects() {
		HttpResponse<String> response = send("GET", "/subjects", null);
		requireSuccess(response, "listing subjects");
		List<String> subjects = new ArrayList<>();
		JSON.readTree(response.body()).forEach((node) -> subjects.add(node.asString()));
		return subjects;
	}

	private HttpResponse<String> send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.confluentCompatibleUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
		if (body != null) {
			request.header("Content-Type", "application/vnd.schemaregistry.v1+json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new StackException("The registry at " + this.confluentCompatibleUrl + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while talking to the registry", ex);
		}
	}

	private static void requireSuccess(HttpResponse<String> response, String what) {
		if (response.statusCode() / 100 != 2) {
			throw new StackException(
					"The registry refused " + what + ": HTTP " + response.statusCode() + " " + response.body());
		}
	}

	private static String encode(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8);
	}

	/**
	 * The registry rejected a schema because it breaks the subject's compatibility rule.
	 */
	public static final class IncompatibleSchemaException extends StackException {

		IncompatibleSchemaException(String subject, String detail) {
			super("The schema is not " + COMPATIBILITY + " compatible with " + subject + ": " + detail);
		}

	}

}
