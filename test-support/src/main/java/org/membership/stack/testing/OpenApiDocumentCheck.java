package org.membership.stack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The check every service runs on its OpenAPI document: anyone may read it and the
 * Swagger UI, it describes the JSON API only, and it equals the committed
 * {@code docs/openapi/<service>.json}, so that a change of the API shows up in review as
 * a change of that file. Compared normalised: keys sorted, pretty-printed, without the
 * server URL (a random port in tests). {@code -Dopenapi.write=true} writes the file
 * instead of failing. A service's test extends it with its own Spring test annotation (a
 * server on a random port) and names the service.
 */
public abstract class OpenApiDocumentCheck {

	/** The system property that writes the committed document instead of comparing. */
	public static final String WRITE = "openapi.write";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	/** The service's name, {@code spring.application.name}: the file's name. */
	protected abstract String serviceName();

	@Test
	void theDocumentIsTheCommittedOne() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String document = normalised(response.body());
		Path committed = committedDocument();
		if (Boolean.getBoolean(WRITE)) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, document, StandardCharsets.UTF_8);
			return;
		}
		if (!Files.exists(committed)) {
			fail(committed + " does not exist. Write it with: ./mvnw -pl " + serviceName() + " -am verify -Dtest="
					+ getClass().getSimpleName() + " -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true");
		}
		assertThat(document)
			.as("The OpenAPI document of %s differs from %s. If the API change is meant, regenerate the file with"
					+ " ./mvnw -pl %s -am verify -Dtest=%s -Dsurefire.failIfNoSpecifiedTests=false -D%s=true"
					+ " and commit it", serviceName(), committed, serviceName(), getClass().getSimpleName(), WRITE)
			.isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDocumentDescribesTheJsonApiOnly() throws Exception {
		Map<String, Object> document = JSON.readValue(get("/v3/api-docs").body(), Map.class);

		assertThat(((Map<String, Object>) document.get("paths")).keySet()).isNotEmpty()
			.allMatch((path) -> path.startsWith("/api/"));
	}

	@Test
	void anyoneReadsTheSwaggerUi() throws Exception {
		HttpResponse<String> page = get("/swagger-ui/index.html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(200);
	}

	/** The committed document, {@code docs/openapi/<service>.json} beside the modules. */
	private Path committedDocument() {
		return Path.of("").toAbsolutePath().getParent().resolve("docs/openapi/" + serviceName() + ".json");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Keys sorted, two-space indentation, no {@code servers}, a final newline. */
	@SuppressWarnings("unchecked")
	static String normalised(String json) {
		Map<String, Object> document = JSON.readValue(json, Map.class);
		document.remove("servers");
		return JSON.writeValueAsString(document) + "\n";
	}

}
