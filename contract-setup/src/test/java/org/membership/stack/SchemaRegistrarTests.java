package org.membership.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.membership.events.EventTopic;
import org.membership.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the deployment step asks of a registry's Confluent-compatible API, against a
 * stand-in for the registry; test-support's RegistryContractIntegrationTests run it
 * against the real Apicurio Registry.
 */
class SchemaRegistrarTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> registeredSchemas = new ConcurrentHashMap<>();

	private final List<String> compatibilityRequests = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger(100);

	private volatile int registrationStatus = 200;

	private HttpServer registry;

	@BeforeEach
	void startTheRegistry() throws IOException {
		this.registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.registry.createContext("/apis/ccompat/v7/", this::answer);
		this.registry.start();
	}

	@AfterEach
	void stopTheRegistry() {
		this.registry.stop(0);
	}

	@Test
	void registersTheSchemaOfEveryTopicUnderItsValueSubjectWithBackwardTransitiveCompatibility() {
		Map<String, Integer> ids = new SchemaRegistrar(url()).registerContract();

		List<String> subjects = Topics.ALL.stream().map(EventTopic::valueSubject).toList();
		assertThat(ids.keySet()).containsExactlyElementsOf(subjects);
		assertThat(ids.values()).doesNotHaveDuplicates();
		for (EventTopic topic : Topics.ALL) {
			assertThat(new Schema.Parser().parse(this.registeredSchemas.get(topic.valueSubject())))
				.isEqualTo(topic.schema());
		}
		assertThat(this.compatibilityRequests).hasSize(subjects.size())
			.allSatisfy((body) -> assertThat(JSON.readTree(body).get("compatibility").asString())
				.isEqualTo("BACKWARD_TRANSITIVE"));
	}

	@Test
	void aSchemaTheRegistryFindsIncompatibleFailsNamingTheSubject() {
		this.registrationStatus = 409;

		assertThatExceptionOfType(SchemaRegistrar.IncompatibleSchemaException.class)
			.isThrownBy(() -> new SchemaRegistrar(url()).registerContract())
			.withMessageContaining(Topics.ALL.get(0).valueSubject())
			.withMessageContaining("BACKWARD_TRANSITIVE");
		assertThat(this.compatibilityRequests).isEmpty();
	}

	@Test
	void aRegistryThatDoesNotAnswerIsNamedInTheError() throws IOException {
		int nothingListens;
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			nothingListens = socket.getLocalPort();
		}
		String nowhere = "http://127.0.0.1:" + nothingListens + "/apis/ccompat/v7";

		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> new SchemaRegistrar(nowhere).registerContract())
			.withMessageContaining("The registry at " + nowhere + " did not answer");
	}

	private String url() {
		return "http://127.0.0.1:" + this.registry.getAddress().getPort() + "/apis/ccompat/v7";
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath().substring("/apis/ccompat/v7".length());
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String[] segments = path.split("/");
		String subject = (segments.length > 2) ? URLDecoder.decode(segments[2], StandardCharsets.UTF_8) : "";
		if (exchange.getRequestMethod().equals("POST") && path.endsWith("/versions")) {
			if (this.registrationStatus != 200) {
				respond(exchange, this.registrationStatus, "{\"error_code\":409,\"message\":\"incompatible\"}");
				return;
			}
			this.registeredSchemas.put(subject, JSON.readTree(body).get("schema").asString());
			respond(exchange, 200, "{\"id\":" + this.ids.incrementAndGet() + "}");
		}
		else if (exchange.getRequestMethod().equals("PUT") && path.startsWith("/config/")) {
			this.compatibilityRequests.add(body);
			respond(exchange, 200, body);
		}
		else {
			respond(exchange, 404, "{}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
