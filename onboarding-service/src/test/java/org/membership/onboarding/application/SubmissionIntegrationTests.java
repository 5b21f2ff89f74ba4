package org.membership.onboarding.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.membership.events.ApplicationReceived;
import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@OnboardingIntegrationTest
class SubmissionIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aSubmissionIsStoredAndPublishesApplicationReceivedThatAPlainConsumerReadsThroughTheRegistry() {
		Api.Response response = new Api(this.port)
			.with("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.post("/api/applications", SampleApplications.clujItCluster());

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.header("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		UUID id = UUID.fromString(response.text("id"));
		assertThat(response.header("Location")).isEqualTo("/api/applications/" + id);
		assertThat(response.text("status")).isEqualTo("SUBMITTED");
		assertThat(response.text("statusUrl")).startsWith("/api/applications/" + id + "/status?token=");

		try (KafkaEvents events = KafkaEvents.of(Topics.APPLICATION_RECEIVED, id)) {
			ApplicationReceived received = events.awaitFirst(Duration.ofSeconds(30));
			assertThat(received.getApplicationId()).isEqualTo(id);
			assertThat(received.getApplicationVersion()).isEqualTo(1);
			assertThat(received.getCorrelationId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
			assertThat(received.getRequestedTier()).isEqualTo("FULL");
			assertThat(received.getOrganisation().getName()).isEqualTo("CLUJ IT Cluster");
			assertThat(received.getOrganisation().getLegalName()).isEqualTo("Asociația CLUJ IT");
			assertThat(received.getOrganisation().getCountry()).isEqualTo("RO");
			assertThat(received.getOrganisation().getType().name()).isEqualTo("CLUSTER");
			assertThat(received.getOrganisation().getFoundedOn()).isEqualTo(LocalDate.of(2012, 10, 1));
			assertThat(received.getOrganisation().getMemberCount()).isEqualTo(90);
			assertThat(received.getContact().getEmail()).isEqualTo("andrei.kelemen@example.org");
			assertThat(received.getSubmittedAt()).isNotNull();
		}
	}

	@Test
	void anInvalidTraceparentStartsANewTraceWhoseIdIsTheCorrelationId() {
		Api.Response response = new Api(this.port).with("traceparent", "no spaces; or semicolons")
			.post("/api/applications", SampleApplications.clujItCluster());

		assertThat(response.status()).isEqualTo(201);
		String generated = response.header("X-Trace-Id");
		assertThat(generated).matches("[0-9a-f]{32}");
		assertThat(this.jdbc.sql("SELECT correlation_id FROM membership_application WHERE id = ?")
			.param(UUID.fromString(response.text("id")))
			.query(String.class)
			.single()).isEqualTo(generated);
	}

	@Test
	void theSameIdempotencyKeyAndBodyReturnTheFirstApplication() {
		String marker = UUID.randomUUID().toString();
		Map<String, Object> application = SampleApplications.clujItCluster(marker);
		Api api = new Api(this.port).with("Idempotency-Key", UUID.randomUUID().toString());

		Api.Response first = api.post("/api/applications", application);
		Api.Response again = api.post("/api/applications", application);

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.text("id")).isEqualTo(first.text("id"));
		assertThat(again.text("statusUrl")).isEqualTo(first.text("statusUrl"));
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(rowsWith(marker)).isEqualTo(1);
		assertThat(new Api(this.port).get(first.text("statusUrl")).status()).isEqualTo(200);
	}

	@Test
	void theSameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
		Api api = new Api(this.port).with("Idempotency-Key", UUID.randomUUID().toString());
		String otherMarker = UUID.randomUUID().toString();

		Api.Response first = api.post("/api/applications", SampleApplications.clujItCluster());
		Api.Response other = api.post("/api/applications", SampleApplications.clujItCluster(otherMarker));

		assertThat(first.status()).isEqualTo(201);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
		assertThat(rowsWith(otherMarker)).isZero();
	}

	@Test
	void concurrentSubmissionsWithOneIdempotencyKeyCreateOneApplication() throws Exception {
		String marker = UUID.randomUUID().toString();
		Map<String, Object> application = SampleApplications.clujItCluster(marker);
		Api api = new Api(this.port).with("Idempotency-Key", "key-" + marker);
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(() -> api.post("/api/applications", application));
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> future : pool.invokeAll(calls)) {
				responses.add(future.get());
			}
			assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201).containsOnlyOnce(201);
			assertThat(responses).extracting((response) -> response.text("id"))
				.containsOnly(responses.get(0).text("id"));
			assertThat(rowsWith(marker)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long rowsWith(String marker) {
		return this.jdbc.sql("SELECT COUNT(*) FROM membership_application WHERE org_description LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single();
	}

}
