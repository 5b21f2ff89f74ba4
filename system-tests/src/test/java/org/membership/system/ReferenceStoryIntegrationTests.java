package org.membership.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference story, end to end, through public interfaces only (HTTP, SMTP, Kafka
 * through the registry): CLUJ IT Cluster applies, is acknowledged, is approved as a Full
 * Member from 1 January 2023, appears in the directory, and is welcomed in the feed and
 * by mail. Every service runs from its jar in its own JVM, as {@code ./run-local} runs
 * them.
 */
class ReferenceStoryIntegrationTests {

	private static final String CONTACT = "andrei.kelemen@example.org";

	@RegisterExtension
	static final LocalSystem system = new LocalSystem("membership-e2e");

	private final PublicApi api = system.api();

	@Test
	void theBannerNamesEveryPageAPersonOpens() {
		assertThat(system.stack().banner()).contains(api.onboarding() + "/staff", api.directory() + "/members",
				api.notification() + "/announcements.atom", "staff / " + api.staffPassword());
	}

	@Test
	void everyAddressTheBannerPrintsAnswersAPersonWithoutCredentials() throws Exception {
		List<String> addresses = Pattern.compile("https?://[^\\s),]+")
			.matcher(system.stack().banner())
			.results()
			.map(MatchResult::group)
			.toList();
		// the registry, its health, each service's root and every page it names
		assertThat(addresses).hasSizeGreaterThanOrEqualTo(10);
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		for (String address : addresses) {
			HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(address)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			// a public page opens; the staff console leads to the login page, never to a
			// browser's Basic prompt
			assertThat(answer.statusCode()).as(address).isEqualTo(200);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).as(address).isEmpty();
		}
	}

	@Test
	void clujItClusterJoinsDigitalSmeAsAFullMember() throws Exception {
		HttpResponse<String> submitted = api.apply(PublicApi.clujItClusterApplication(CONTACT));
		assertThat(submitted.statusCode()).isEqualTo(201);
		JsonNode application = PublicApi.json(submitted);
		String id = application.get("id").asString();
		assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");

		// the acknowledgement reaches the applicant's inbox
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(system.mailsTo(CONTACT)).isNotEmpty());

		// the private status link shows the application to whoever holds it
		HttpResponse<String> status = PublicApi.get(api.onboarding(), application.get("statusUrl").asString());
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("SUBMITTED");

		assertThat(api.approve(id, "FULL", LocalDate.of(2023, 1, 1)).statusCode()).isEqualTo(200);

		// effective from a past date: at once, so the directory lists it
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			assertThat(api.searchMembers("cluj")).contains(id);
			JsonNode member = PublicApi.json(api.member(id));
			assertThat(member.get("name").asString()).isEqualTo("CLUJ IT Cluster");
			assertThat(member.get("country").asString()).isEqualTo("RO");
			assertThat(member.get("tier").asString()).isEqualTo("FULL");
			assertThat(member.get("memberSince").asString()).isEqualTo("2023-01-01");
		});

		// the welcome announcement is in the feed, and its mail went out
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(api.announcementFeed())
				.contains("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member"));
		// exactly three mails: acknowledgement, decision, welcome; nothing more comes
		await().atMost(Duration.ofMinutes(2)).until(() -> system.mailsTo(CONTACT).size() >= 3);
		await().during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(system.mailsTo(CONTACT)).hasSize(3));
	}

	@Test
	void oneTraceIdFollowsAnApplicationThroughTheThreeServicesTheirRecordsAndTheirLogs() throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String id = api.submit("Traced Regional Association", "traced@example.org",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		// a staff decision is another request, days later maybe: it still continues the
		// application's trace
		assertThat(api.approve(id, "FULL", LocalDate.of(2024, 3, 1)).statusCode()).isEqualTo(200);

		List<DownstreamConsumer.Event> seen = new ArrayList<>();
		try (DownstreamConsumer consumer = new DownstreamConsumer(system.stack().broker().bootstrapServers(),
				system.stack().registry().confluentCompatibleUrl())) {
			await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
				seen.addAll(consumer.poll());
				assertThat(seen).filteredOn((event) -> id.equals(event.key()))
					.extracting(DownstreamConsumer.Event::type)
					.contains("ApplicationReceived", "MemberApproved", "MembershipEffective", "AnnouncementPublished");
			});
		}
		// every record of the application, on every topic, from both publishers, carries
		// the trace
		assertThat(seen).filteredOn((event) -> id.equals(event.key()))
			.allSatisfy((event) -> assertThat(event.traceparent()).as(event.topic())
				.matches("00-" + traceId + "-[0-9a-f]{16}-01"));

		// every service logged its part with the trace id and the application id
		String logged = ".*\\[" + traceId + ",[0-9a-f]{16}," + id + "\\] .*";
		for (String service : List.of("onboarding-service", "directory-service", "notification-service")) {
			await().atMost(Duration.ofMinutes(1))
				.untilAsserted(() -> assertThat(system.logLines(service)).as(service)
					.anyMatch((line) -> line.matches(logged)));
		}
		// and the welcome mail, sent later by notification's scheduler, in the same trace
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(system.logLines("notification-service"))
				.anyMatch((line) -> line.matches(logged) && line.contains("Sent WELCOME")));
	}

	@Test
	void oneStaffTokenFromOnboardingOpensTheStaffEndpointsOfEveryService() throws Exception {
		assertThat(api.staffEndpointStatuses(api.staffToken())).containsExactly(200, 200, 200);
		assertThat(api.staffEndpointStatuses(null)).containsExactly(401, 401, 401);
	}

	@Test
	void aMemberApprovedForAFutureDateIsListedOnlyOnceThatDayHasCome() throws Exception {
		LocalDate effectiveFrom = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(10);
		String id = api.submit("Future Members Cluster", "future@example.org");
		HttpResponse<String> approved = api.approve(id, "FULL", effectiveFrom);
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(PublicApi.json(approved).get("status").asString()).isEqualTo("APPROVED");

		// the directory knows it is joining, and does not list it
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(api.joiningMembers()).contains(id));
		assertThat(api.member(id).statusCode()).isEqualTo(404);

		// onboarding, down over the effective date, is back eleven days later and catches
		// up
		system.stack().restartService("onboarding-service", List.of("--membership.clock-offset=P11D"));
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			HttpResponse<String> member = api.member(id);
			assertThat(member.statusCode()).isEqualTo(200);
			assertThat(PublicApi.json(member).get("memberSince").asString()).isEqualTo(effectiveFrom.toString());
		});
	}

	@Test
	void aDownstreamSystemReadsAllFiveTopicsThroughTheConfluentCompatibleRegistry() throws Exception {
		String accepted = api.submit("Downstream Readers Association", "downstream-1@example.org");
		assertThat(api.approve(accepted, "ASSOCIATE", LocalDate.of(2024, 6, 1)).statusCode()).isEqualTo(200);
		String rejected = api.submit("Not Really An Organisation", "downstream-2@example.org");
		assertThat(api.reject(rejected, "Not an organisation based in Europe").statusCode()).isEqualTo(200);

		List<DownstreamConsumer.Event> seen = new ArrayList<>();
		try (DownstreamConsumer consumer = new DownstreamConsumer(system.stack().broker().bootstrapServers(),
				system.stack().registry().confluentCompatibleUrl())) {
			await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
				seen.addAll(consumer.poll());
				assertThat(seen).filteredOn((event) -> accepted.equals(event.field("applicationId")))
					.extracting(DownstreamConsumer.Event::type)
					.contains("ApplicationReceived", "MemberApproved", "MembershipEffective", "AnnouncementPublished");
				assertThat(seen).filteredOn((event) -> rejected.equals(event.field("applicationId")))
					.extracting(DownstreamConsumer.Event::type)
					.contains("ApplicationReceived", "ApplicationRejected");
			});
		}
		assertThat(seen).allSatisfy((event) -> assertThat(event.topic()).isIn(DownstreamConsumer.TOPICS));
		assertThat(seen).filteredOn((event) -> rejected.equals(event.field("applicationId")))
			.filteredOn((event) -> event.type().equals("ApplicationRejected"))
			.allSatisfy((event) -> {
				assertThat(event.key()).isEqualTo(rejected);
				assertThat(event.field("reason")).isEqualTo("Not an organisation based in Europe");
			});
	}

}
