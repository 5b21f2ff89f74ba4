package org.membership.onboarding.statuslink;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.membership.events.Topics;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.KafkaEvents;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.MutableClock;
import org.membership.stack.testing.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lost status link, through the API: the submission's absolute status page link; a
 * request answered alike whether it matches or not; on a match a new token, mailed to the
 * contact (GreenMail), the old link dead; at most one per application within the minimum
 * interval; malformed input 400 naming the field; and the tokens never in the log output
 * nor on any topic.
 */
@OnboardingIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StatusLinkIntegrationTests {

	private static final Pattern LINK = Pattern
		.compile("http://127\\.0\\.0\\.1:8081(/applications/[0-9a-f-]{36}/status\\?token=([A-Za-z0-9_-]+))");

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A submission with a contact address of its own; the answer. */
	private Api.Response submit(String email) {
		Map<String, Object> application = SampleApplications.clujItCluster();
		SampleApplications.contact(application).put("email", email);
		Api.Response response = new Api(this.port).post("/api/applications", application);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static String uniqueAddress() {
		return "andrei." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private Api.Response request(Object body) {
		return new Api(this.port).post("/api/applications/status-link", body);
	}

	private static List<MimeMessage> mailsTo(String address) {
		return TestMailServer.get().messagesTo(address);
	}

	private static String text(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The status page link in a mail: [path, token]. */
	private static String[] link(MimeMessage message) {
		Matcher link = LINK.matcher(text(message));
		assertThat(link.find()).as(text(message)).isTrue();
		return new String[] { link.group(1), link.group(2) };
	}

	private int statusOf(UUID id, String token) {
		return new Api(this.port).get("/api/applications/" + id + "/status?token=" + token).status();
	}

	@Test
	void theSubmissionAnswersAnAbsoluteLinkToTheStatusPageBesideTheStatusUrl() {
		Api.Response submitted = submit(uniqueAddress());

		String statusUrl = submitted.text("statusUrl");
		String statusPageUrl = submitted.text("statusPageUrl");
		assertThat(statusUrl).startsWith("/api/applications/" + submitted.text("id") + "/status?token=");
		String token = statusUrl.substring(statusUrl.indexOf("token=") + 6);
		assertThat(statusPageUrl)
			.isEqualTo("http://127.0.0.1:8081/applications/" + submitted.text("id") + "/status?token=" + token);
		Api.Response page = new Api(this.port).get(statusPageUrl.substring("http://127.0.0.1:8081".length()));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("CLUJ IT Cluster");
	}

	@Test
	void aMatchingRequestReplacesTheTokenMailsTheNewLinkAndNeverWritesATokenToALogOrATopic(CapturedOutput output) {
		String address = uniqueAddress();
		Api.Response submitted = submit(address);
		UUID id = UUID.fromString(submitted.text("id"));
		String oldToken = submitted.text("statusUrl").replaceAll(".*token=", "");
		assertThat(statusOf(id, oldToken)).isEqualTo(200);

		Api.Response wrongAddress = request(Map.of("reference", id.toString(), "email", "someone.else@example.org"));
		Api.Response unknown = request(Map.of("reference", UUID.randomUUID().toString(), "email", address));
		Api.Response matching = request(Map.of("reference", id.toString(), "email", " " + address.toUpperCase() + " "));

		for (Api.Response answer : List.of(wrongAddress, unknown, matching)) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
			assertThat(answer.body()).as("the same answer, whatever matched").isEqualTo(matching.body());
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 1);
		MimeMessage mail = mailsTo(address).get(0);
		String[] link = link(mail);
		String newToken = link[1];
		assertThat(newToken).isNotEqualTo(oldToken).hasSizeGreaterThanOrEqualTo(43);
		assertThat(text(mail)).contains("Andrei Kelemen", "CLUJ IT Cluster", id.toString(),
				"The earlier link no longer works", "http://127.0.0.1:8081/status-link");
		assertThat(statusOf(id, oldToken)).as("the old link stopped working").isEqualTo(404);
		assertThat(statusOf(id, newToken)).isEqualTo(200);
		assertThat(new Api(this.port).get(link[0]).status()).as("the mailed status page").isEqualTo(200);
		assertThat(mailsTo("someone.else@example.org")).isEmpty();

		// no usable secret anywhere but in the mail: the log output and every topic
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(output.getOut()).contains("Application " + id + ": new status link mailed"));
		assertThat(output.getAll()).doesNotContain(newToken).doesNotContain(oldToken);
		try (KafkaEvents everyTopic = KafkaEvents.onEveryTopic(List.of(id));
				KafkaEvents withATokenInIt = KafkaEvents.onEveryTopicContaining(List.of(newToken, oldToken))) {
			everyTopic.awaitFirst(Duration.ofSeconds(30));
			assertThat(everyTopic.counts()).containsKey(KafkaEvents.on(Topics.APPLICATION_RECEIVED, id));
			assertThat(withATokenInIt.readNow()).isEmpty();
		}
	}

	@Test
	void atMostOneNewLinkPerApplicationWithinTheMinimumInterval() {
		String address = uniqueAddress();
		UUID id = UUID.fromString(submit(address).text("id"));
		Map<String, String> body = Map.of("reference", id.toString(), "email", address);

		assertThat(request(body).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 1);
		String first = link(mailsTo(address).get(0))[1];

		this.clock.set(this.clock.instant().plus(Duration.ofMinutes(4)));
		assertThat(request(body).status()).as("still the same answer").isEqualTo(202);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
		assertThat(statusOf(id, first)).as("not replaced again").isEqualTo(200);

		this.clock.set(this.clock.instant().plus(Duration.ofMinutes(2)));
		assertThat(request(body).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 2);
		String second = mailsTo(address).stream()
			.map((mail) -> link(mail)[1])
			.filter((token) -> !token.equals(first))
			.findFirst()
			.orElseThrow();
		assertThat(statusOf(id, first)).isEqualTo(404);
		assertThat(statusOf(id, second)).isEqualTo(200);
	}

	@Test
	void aRequestWhoseMailCannotBeSentKeepsTheOldLink() {
		String address = uniqueAddress();
		Api.Response submitted = submit(address);
		UUID id = UUID.fromString(submitted.text("id"));
		String oldToken = submitted.text("statusUrl").replaceAll(".*token=", "");
		TestMailServer.get().stop();
		try {
			assertThat(request(Map.of("reference", id.toString(), "email", address)).status()).isEqualTo(202);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(10))
				.until(() -> statusOf(id, oldToken) == 200);
		}
		finally {
			TestMailServer.get().start();
		}
		assertThat(request(Map.of("reference", id.toString(), "email", address)).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 1);
		assertThat(statusOf(id, oldToken)).isEqualTo(404);
	}

	@Test
	void malformedInputIsA400NamingTheField() {
		Map<String, String> problems = Map.of("{\"reference\":\"abc\",\"email\":\"a@example.org\"}", "reference",
				"{\"reference\":\"" + UUID.randomUUID() + "\",\"email\":\"not-an-address\"}", "email",
				"{\"reference\":\"" + UUID.randomUUID() + "\"}", "email", "{\"email\":\"a@example.org\"}", "reference",
				"{\"reference\":\"" + UUID.randomUUID() + "\",\"email\":\"a@example.org\",\"token\":\"x\"}", "token");
		problems.forEach((body, field) -> {
			Api.Response response = request(body);

			assertThat(response.status()).as(body + ": " + response).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			List<String> fields = new java.util.ArrayList<>();
			response.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			assertThat(fields).as(body).containsExactly(field);
		});
	}

}
