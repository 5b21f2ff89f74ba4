package org.membership.system;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.membership.stack.KafkaBroker;
import org.membership.stack.LocalStack;
import org.membership.stack.Ports;
import org.membership.stack.SchemaRegistry;
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

	private static final String STAFF_PASSWORD = "e2e-" + Long.toHexString(System.nanoTime());

	private static final String CONTACT = "andrei.kelemen@example.org";

	private static Path data;

	private static LocalStack stack;

	private static LocalStack.Service onboarding;

	private static LocalStack.Service directory;

	private static LocalStack.Service notification;

	private static PublicApi api;

	@BeforeAll
	static void startTheWholeSystem() throws Exception {
		data = Files.createTempDirectory("membership-e2e");
		onboarding = new LocalStack.Service("onboarding-service", Ports.free());
		directory = new LocalStack.Service("directory-service", Ports.free());
		notification = new LocalStack.Service("notification-service", Ports.free());
		Path root = Path.of(System.getProperty("membership.repository.root", "..")).toAbsolutePath().normalize();
		for (LocalStack.Service service : List.of(onboarding, directory, notification)) {
			assertThat(root.resolve(service.name()).resolve("target").resolve(service.name() + ".jar"))
				.as("the reactor packages every service before these tests")
				.isRegularFile();
		}
		stack = new LocalStack(new LocalStack.Config(root, data,
				new KafkaBroker.Settings(Ports.free(), Ports.free(), data.resolve("kafka"), 3,
						System.getProperty("java.class.path")),
				new SchemaRegistry.Settings(Ports.free(), Ports.free(), data.resolve("registry"), false), Ports.free(),
				Ports.free(), List.of(onboarding, directory, notification), STAFF_PASSWORD));
		stack.start();
		api = new PublicApi(base(onboarding), base(directory), base(notification), STAFF_PASSWORD);
	}

	private static URI base(LocalStack.Service service) {
		return URI.create("http://" + Ports.LOOPBACK + ":" + service.port());
	}

	@AfterAll
	static void stopIt() {
		if (stack != null) {
			stack.stop();
		}
	}

	@Test
	void theBannerNamesEveryPageAPersonOpens() {
		assertThat(stack.banner()).contains("http://127.0.0.1:" + onboarding.port() + "/staff",
				"http://127.0.0.1:" + directory.port() + "/members",
				"http://127.0.0.1:" + notification.port() + "/announcements.atom", "staff / " + STAFF_PASSWORD);
	}

	@Test
	void clujItClusterJoinsDigitalSmeAsAFullMember() throws Exception {
		HttpResponse<String> submitted = api.apply(PublicApi.clujItClusterApplication(CONTACT));
		assertThat(submitted.statusCode()).isEqualTo(201);
		JsonNode application = PublicApi.json(submitted);
		String id = application.get("id").asString();
		assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");

		// the acknowledgement reaches the applicant's inbox
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(mailsTo(CONTACT)).isNotEmpty());

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
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(mailsTo(CONTACT)).hasSizeGreaterThanOrEqualTo(3));
	}

	@Test
	void oneStaffTokenFromOnboardingOpensTheStaffEndpointsOfEveryService() throws Exception {
		String token = api.staffToken();

		assertThat(PublicApi.get(api.onboarding(), "/api/applications", token).statusCode()).isEqualTo(200);
		assertThat(PublicApi.get(api.directory(), "/api/directory/lag", token).statusCode()).isEqualTo(200);
		assertThat(PublicApi.get(api.notification(), "/api/notifications", token).statusCode()).isEqualTo(200);
		// the same endpoints without it
		assertThat(PublicApi.get(api.directory(), "/api/directory/lag").statusCode()).isEqualTo(401);
		assertThat(PublicApi.get(api.notification(), "/api/notifications").statusCode()).isEqualTo(401);
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

		// onboarding is down over the effective date and comes back eleven days later: it
		// catches up and the member is listed from its effective date
		stack.restartService("onboarding-service", List.of("--membership.clock-offset=P11D"));
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
		try (DownstreamConsumer consumer = new DownstreamConsumer(stack.broker().bootstrapServers(),
				stack.registry().confluentCompatibleUrl())) {
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

	private static List<Path> mailsTo(String address) throws Exception {
		Path mails = stack.mail().mailDirectory();
		if (!Files.isDirectory(mails)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(mails)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-" + address + ".eml")).toList();
		}
	}

}
