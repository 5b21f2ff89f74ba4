package org.membership.notification.web;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.membership.events.AnnouncementPublished;
import org.membership.events.Topics;
import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Draft;
import org.membership.notification.mail.Dates;
import org.membership.notification.support.Consumption;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.Mails;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.notification.support.TopicReader;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.StaffTokens;
import org.membership.stack.testing.TestInfrastructure;
import org.membership.stack.testing.TestProducer;
import org.membership.support.association.AssociationTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drafts of the welcome announcements through the staff API: written on
 * MemberApproved (with the contact's statement and the organisation's aims), edited with
 * ETag and If-Match, published by staff before the effective date ("will join") or on it
 * ("joins"), exactly once; cancelled and moved by the application's changes; no public
 * trace before publication; hostile text stays text.
 */
@NotificationIntegrationTest
class AnnouncementDraftIntegrationTests {

	private static final String HOSTILE = "<script>alert(1)</script>";

	private static final String STATEMENT = "Cluj IT Cluster has been established 10 years ago. We are happy to join the"
			+ " Alliance and create new avenues for collaboration.";

	private static final String AIMS = "to foster a digital innovation ecosystem and the visibility of the Romanian IT"
			+ " industry";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private AnnouncementDrafts drafts;

	@Autowired
	private AssociationTime time;

	@Test
	void theDraftQuotesTheContactsStatementAndHighlightsTheAimsAndLeavesNoPublicTrace() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		LocalDate effectiveFrom = this.time.today().plusMonths(2);
		received(applicationId, "CLUJ IT Cluster", contact, STATEMENT, AIMS);
		awaitMails(contact, 1);
		approved(applicationId, "CLUJ IT Cluster", AIMS, effectiveFrom);

		Draft draft = awaitDraft(applicationId);
		JsonNode json = getDraft(draft.announcement().id());
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("id", "applicationId", "headline", "summary", "body",
				"quotes", "publishedAt", "link", "status");
		assertThat(json.get("status").asString()).isEqualTo("DRAFT");
		assertThat(json.get("publishedAt").isNull()).isTrue();
		assertThat(json.get("headline").asString()).isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member");
		assertThat(json.get("summary")).hasSize(3);
		assertThat(json.get("summary").get(0).asString())
			.isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member.");
		assertThat(json.get("summary").get(1).asString()).contains("CLUJ IT Cluster")
			.contains("to foster a digital innovation ecosystem and the visibility of the Romanian IT industry.");
		assertThat(json.get("summary").get(2).asString()).contains("looks forward");
		assertThat(json.get("body").asString())
			.contains("CLUJ IT Cluster will join the DIGITAL SME community as a Full Member as of "
					+ Dates.day(effectiveFrom));
		assertThat(json.get("quotes")).hasSize(1);
		assertThat(json.get("quotes").get(0).get("text").asString()).isEqualTo(STATEMENT);
		assertThat(json.get("quotes").get(0).get("by").asString()).isEqualTo("Andrei Kelemen");
		assertThat(json.get("quotes").get(0).get("role").asString()).isEqualTo("CEO of CLUJ IT Cluster");
		assertThat(draft.announcement().boilerplate())
			.isEqualTo("CLUJ IT Cluster will join our SME family of 45,000 companies across the European Union.");

		// the embargo: no page, no JSON, no feed entry, no event
		UUID id = draft.announcement().id();
		assertThat(this.http.getForEntity("/api/announcements/" + id, String.class).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.http.getForEntity("/announcements/" + id, String.class).getStatusCode().value()).isEqualTo(404);
		assertThat(
				this.http.getForEntity("/announcements/members/" + applicationId, String.class).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.http.getForObject("/api/announcements?size=100", String.class)).doesNotContain(id.toString());
		assertThat(this.http.getForObject("/announcements.atom", String.class)).doesNotContain(id.toString());
		Exactly.onEveryTopic(applicationId, Map.of(Topics.APPLICATION_RECEIVED, 1L, Topics.MEMBER_APPROVED, 1L));
		// acknowledgement and approval, no welcome yet
		Exactly.mails(this.smtp, contact, 2);

		JsonNode list = JSON.readTree(staff().getForObject("/api/announcements/drafts?size=100", String.class));
		assertThat(list.propertyNames()).containsExactlyInAnyOrder("content", "page");
		assertThat(list.get("content").valueStream().map((d) -> d.get("id").asString())).contains(id.toString());
	}

	@Test
	void withoutStatementAndAimsTheDraftHasNoQuoteAndTheUsualHighlights() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		received(applicationId, "Plain Cluster", contact, null, null);
		awaitMails(contact, 1);
		approved(applicationId, "Plain Cluster", null, this.time.today().plusMonths(1));

		JsonNode json = getDraft(awaitDraft(applicationId).announcement().id());
		assertThat(json.get("quotes")).isEmpty();
		assertThat(json.get("summary")).hasSize(3);
		assertThat(json.get("summary").get(1).asString()).startsWith("Based in Cluj-Napoca, Romania");
	}

	@Test
	void aStatementArrivingAfterTheApprovalIsQuotedInTheDraft() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		approved(applicationId, "Late Contact Cluster", null, this.time.today().plusMonths(1));
		Draft draft = awaitDraft(applicationId);
		assertThat(draft.announcement().quotes()).isEmpty();

		received(applicationId, "Late Contact Cluster", contact, STATEMENT, null);

		Draft quoted = await().atMost(WAIT)
			.until(() -> this.drafts.findByApplicationId(applicationId).orElseThrow(),
					(d) -> !d.announcement().quotes().isEmpty());
		assertThat(quoted.announcement().quotes())
			.containsExactly(new Announcement.Quote(STATEMENT, "Andrei Kelemen", "CEO of Late Contact Cluster"));
		assertThat(quoted.version()).isGreaterThan(draft.version());
		// the approval mail waited for the contact; it and the acknowledgement are sent
		awaitMails(contact, 2);
	}

	@Test
	void anEditNeedsTheCurrentETag() throws Exception {
		UUID id = draftFor(UUID.randomUUID(), this.time.today().plusMonths(1));
		ResponseEntity<String> read = staff().getForEntity("/api/announcements/drafts/" + id, String.class);
		String etag = read.getHeaders().getETag();
		assertThat(etag).isNotBlank().startsWith("\"");

		ResponseEntity<String> missing = put(id, null, edit("A new headline"));
		assertThat(missing.getStatusCode().value()).isEqualTo(428);
		assertThat(missing.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(put(id, "\"999\"", edit("A new headline")).getStatusCode().value()).isEqualTo(412);

		ResponseEntity<String> saved = put(id, etag, edit("A new headline"));
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		assertThat(saved.getHeaders().getETag()).isNotEqualTo(etag);
		JsonNode body = JSON.readTree(saved.getBody());
		assertThat(body.get("headline").asString()).isEqualTo("A new headline");
		assertThat(body.get("quotes")).hasSize(1);
		assertThat(body.get("quotes").get(0).get("by").asString()).isEqualTo("Oliver Grün");

		// a second editor who read the first version
		ResponseEntity<String> stale = put(id, etag, edit("Another headline"));
		assertThat(stale.getStatusCode().value()).isEqualTo(412);
		assertThat(stale.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(getDraft(id).get("headline").asString()).isEqualTo("A new headline");
	}

	@Test
	void anInvalidEditIsAnsweredWithTheFieldsAndChangesNothing() throws Exception {
		UUID id = draftFor(UUID.randomUUID(), this.time.today().plusMonths(1));
		String etag = staff().getForEntity("/api/announcements/drafts/" + id, String.class).getHeaders().getETag();

		ResponseEntity<String> unknown = put(id, etag,
				"{\"headline\":\"h\",\"summary\":[\"s\"],\"body\":\"b\",\"quotes\":[],\"status\":\"PUBLISHED\"}");
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody()).contains("status");

		ResponseEntity<String> invalid = put(id, etag,
				JSON.writeValueAsString(Map.of("headline", " ", "summary", List.of("one", "two", "three", "four"),
						"body", "x".repeat(10_001), "quotes", List.of(Map.of("text", "Hello", "by", "")))));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = JSON.readTree(invalid.getBody());
		assertThat(problem.get("errors").valueStream().map((e) -> e.get("field").asString())).contains("headline",
				"summary", "body", "quotes[0].by");

		ResponseEntity<String> twoLines = put(id, etag,
				JSON.writeValueAsString(Map.of("headline", "one\ntwo", "summary", List.of("s"), "body", "b")));
		assertThat(twoLines.getStatusCode().value()).isEqualTo(400);
		assertThat(twoLines.getBody()).contains("headline");

		assertThat(staff().getForEntity("/api/announcements/drafts/" + id, String.class).getHeaders().getETag())
			.as("nothing changed")
			.isEqualTo(etag);
	}

	@Test
	void staffPublishBeforeTheEffectiveDateAndTheEffectiveDateDoesNotPublishAgain() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		LocalDate effectiveFrom = this.time.today().plusMonths(2);
		received(applicationId, "CLUJ IT Cluster", contact, STATEMENT, AIMS);
		awaitMails(contact, 1);
		approved(applicationId, "CLUJ IT Cluster", AIMS, effectiveFrom);
		UUID id = awaitDraft(applicationId).announcement().id();
		// the president's quote beside the contact's
		ResponseEntity<String> read = staff().getForEntity("/api/announcements/drafts/" + id, String.class);
		JsonNode draft = JSON.readTree(read.getBody());
		List<Map<String, String>> quotes = new ArrayList<>();
		quotes.add(Map.of("text", STATEMENT, "by", "Andrei Kelemen", "role", "CEO of CLUJ IT Cluster"));
		quotes.add(Map.of("text", "CLUJ IT is a key player in unleashing the potential of the Romanian ICT sector.",
				"by", "Oliver Grün", "role", "President of DIGITAL SME"));
		assertThat(put(id, read.getHeaders().getETag(),
				JSON.writeValueAsString(Map.of("headline", draft.get("headline").asString(), "summary",
						JSON.convertValue(draft.get("summary"), List.class), "body", draft.get("body").asString(),
						"quotes", quotes)))
			.getStatusCode()
			.value()).isEqualTo(200);

		ResponseEntity<String> published = staff().postForEntity("/api/announcements/drafts/" + id + "/publication",
				null, String.class);

		assertThat(published.getStatusCode().value()).isEqualTo(200);
		JsonNode announcement = JSON.readTree(published.getBody());
		assertThat(announcement.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(announcement.get("publishedAt").isNull()).isFalse();
		assertThat(announcement.get("body").asString())
			.contains("will join the DIGITAL SME community as a Full Member as of " + Dates.day(effectiveFrom));
		assertThat(announcement.get("quotes")).hasSize(2);
		assertThat(staff().postForEntity("/api/announcements/drafts/" + id + "/publication", null, String.class)
			.getStatusCode()
			.value()).as("publishing twice").isEqualTo(409);
		assertThat(put(id, "\"" + 99 + "\"", edit("Too late")).getStatusCode().value()).isEqualTo(409);

		String page = this.http.getForObject("/announcements/" + id, String.class);
		assertThat(page).contains("<h1>DIGITAL SME welcomes CLUJ IT Cluster as a Full Member</h1>")
			.contains("Oliver Grün, President of DIGITAL SME")
			.contains("Andrei Kelemen, CEO of CLUJ IT Cluster")
			.contains("will join our SME family of 45,000 companies");
		AnnouncementPublished event = awaitPublished(applicationId);
		assertThat(event.getAnnouncementId()).isEqualTo(id);
		assertThat(event.getBody()).contains("as of " + Dates.day(effectiveFrom))
			.contains("“" + STATEMENT + "” – Andrei Kelemen, CEO of CLUJ IT Cluster")
			.contains("– Oliver Grün, President of DIGITAL SME")
			.endsWith("CLUJ IT Cluster will join our SME family of 45,000 companies across the European Union.");
		Mails welcome = awaitMail(contact, "Welcome to DIGITAL SME, CLUJ IT Cluster");
		assertThat(welcome.text()).contains("will be a Full Member").contains(announcement.get("link").asString());

		// the membership takes effect: nothing is published a second time
		RecordMetadata effective = TestProducer.send(SampleEvents.membershipEffective(applicationId)
			.setEffectiveFrom(effectiveFrom)
			.setOrganisation(SampleEvents.organisation("CLUJ IT Cluster").build())
			.build());
		Consumption.awaitConsumed(effective);
		Exactly.records(Topics.ANNOUNCEMENT_PUBLISHED, applicationId, 1);
		// acknowledgement, approval, welcome
		Exactly.mails(this.smtp, contact, 3);
		assertThat(getDraft(id).get("body").asString()).as("the published text stays as published")
			.contains("will join the DIGITAL SME community");
	}

	@Test
	void aDraftNobodyPublishedIsPublishedOnTheEffectiveDateSayingJoins() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		LocalDate effectiveFrom = this.time.today().plusDays(1);
		received(applicationId, "Auto Cluster", contact, STATEMENT, null);
		awaitMails(contact, 1);
		approved(applicationId, "Auto Cluster", null, effectiveFrom);
		Draft draft = awaitDraft(applicationId);
		assertThat(draft.announcement().body()).contains("Auto Cluster will join the DIGITAL SME community");

		TestProducer.send(SampleEvents.membershipEffective(applicationId)
			.setEffectiveFrom(effectiveFrom)
			.setOrganisation(SampleEvents.organisation("Auto Cluster").build())
			.build());

		AnnouncementPublished event = awaitPublished(applicationId);
		assertThat(event.getAnnouncementId()).isEqualTo(draft.announcement().id());
		assertThat(event.getBody())
			.contains("Auto Cluster joins the DIGITAL SME community as a Full Member as of " + Dates.day(effectiveFrom))
			.doesNotContain("will join")
			.contains("Andrei Kelemen, CEO of Auto Cluster");
		assertThat(event.getApplicationVersion()).isEqualTo(3);
		JsonNode published = getDraft(draft.announcement().id());
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(this.http.getForObject("/announcements/" + draft.announcement().id(), String.class))
			.contains("Auto Cluster joins our SME family");
		Mails welcome = awaitMail(contact, "Welcome to DIGITAL SME, Auto Cluster");
		assertThat(welcome.text()).contains("is a Full Member");
		Exactly.mails(this.smtp, contact, 3);
	}

	@Test
	void twoPublicationsAndTheEffectiveDateAtOnceMakeOneAnnouncementOneEventAndOneWelcome() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		LocalDate effectiveFrom = this.time.today().plusMonths(1);
		received(applicationId, "Race Cluster", contact, null, null);
		awaitMails(contact, 1);
		approved(applicationId, "Race Cluster", null, effectiveFrom);
		UUID id = awaitDraft(applicationId).announcement().id();
		// tokens, not Basic: two bcrypt checks would spread the requests apart
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(StaffTokens.staff());

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<Integer>> requests = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				requests.add(CompletableFuture.supplyAsync(() -> {
					awaitStart(start);
					return this.http
						.exchange("/api/announcements/drafts/" + id + "/publication", HttpMethod.POST,
								new HttpEntity<>(headers), String.class)
						.getStatusCode()
						.value();
				}, executor));
			}
			start.countDown();
			TestProducer.send(SampleEvents.membershipEffective(applicationId)
				.setEffectiveFrom(effectiveFrom)
				.setOrganisation(SampleEvents.organisation("Race Cluster").build())
				.build());
			List<Integer> statuses = requests.stream().map(CompletableFuture::join).sorted().toList();
			assertThat(statuses).as("at most one staff publication wins").containsAnyOf(409).doesNotContain(500);
			assertThat(statuses.stream().filter((s) -> s == 200)).hasSizeLessThanOrEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
		Exactly.records(Topics.ANNOUNCEMENT_PUBLISHED, applicationId, 1);
		// acknowledgement, approval, one welcome
		Exactly.mails(this.smtp, contact, 3);
		assertThat(this.drafts.find(id).announcement().status()).isEqualTo(Announcement.Status.PUBLISHED);
	}

	@Test
	void aCancelledDraftIsNeitherEditedNorPublishedAndAPublishedOneStaysPublished() throws Exception {
		UUID applicationId = UUID.randomUUID();
		UUID id = draftFor(applicationId, this.time.today().plusMonths(1));
		String etag = staff().getForEntity("/api/announcements/drafts/" + id, String.class).getHeaders().getETag();

		assertThat(this.drafts.cancel(applicationId, 2)).as("a stale withdrawal").isFalse();
		assertThat(this.drafts.cancel(applicationId, 3)).isTrue();
		assertThat(this.drafts.cancel(applicationId, 3)).as("a redelivered withdrawal").isFalse();

		assertThat(getDraft(id).get("status").asString()).isEqualTo("CANCELLED");
		ResponseEntity<String> edit = put(id, etag, edit("Never"));
		assertThat(edit.getStatusCode().value()).isEqualTo(409);
		assertThat(edit.getBody()).contains("cancelled");
		assertThat(staff().postForEntity("/api/announcements/drafts/" + id + "/publication", null, String.class)
			.getStatusCode()
			.value()).isEqualTo(409);
		RecordMetadata effective = TestProducer.send(SampleEvents.membershipEffective(applicationId)
			.setApplicationVersion(4)
			.setOrganisation(SampleEvents.organisation("Cancelled Cluster").build())
			.build());
		Consumption.awaitConsumed(effective);
		assertThat(this.drafts.find(id).announcement().status()).isEqualTo(Announcement.Status.CANCELLED);
		assertThat(this.http.getForEntity("/announcements/" + id, String.class).getStatusCode().value()).isEqualTo(404);

		UUID publishedApplication = UUID.randomUUID();
		UUID published = draftFor(publishedApplication, this.time.today().plusMonths(1));
		assertThat(staff().postForEntity("/api/announcements/drafts/" + published + "/publication", null, String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.drafts.cancel(publishedApplication, 5)).isFalse();
		assertThat(this.drafts.find(published).announcement().status()).isEqualTo(Announcement.Status.PUBLISHED);
	}

	@Test
	void aNewEffectiveDateMovesTheDraftsTextAndItsPublication() throws Exception {
		UUID applicationId = UUID.randomUUID();
		LocalDate first = this.time.today().plusMonths(1);
		LocalDate later = this.time.today().plusMonths(3);
		UUID id = draftFor(applicationId, first);
		assertThat(this.drafts.find(id).announcement().body()).contains("as of " + Dates.day(first));

		assertThat(this.drafts.redate(applicationId, later, 2)).as("a stale change").isFalse();
		assertThat(this.drafts.redate(applicationId, later, 3)).isTrue();
		assertThat(this.drafts.redate(applicationId, first, 3)).as("a redelivered change").isFalse();

		Draft moved = this.drafts.find(id);
		assertThat(moved.effectiveFrom()).isEqualTo(later);
		assertThat(moved.announcement().body())
			.contains("will join the DIGITAL SME community as a Full Member as of " + Dates.day(later))
			.doesNotContain(Dates.day(first));

		// the effective date arrives on the new day: published then, with that date
		TestProducer.send(SampleEvents.membershipEffective(applicationId)
			.setApplicationVersion(4)
			.setEffectiveFrom(later)
			.setOrganisation(SampleEvents.organisation("Moved Cluster").build())
			.build());
		AnnouncementPublished event = awaitPublished(applicationId);
		assertThat(event.getBody())
			.contains("joins the DIGITAL SME community as a Full Member as of " + Dates.day(later));
	}

	@Test
	void hostileTextStaysTextOnThePageInTheFeedInTheEventAndInTheMail() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		received(applicationId, "Hostile Cluster", contact, HOSTILE, null);
		awaitMails(contact, 1);
		approved(applicationId, "Hostile Cluster", HOSTILE, this.time.today().plusMonths(1));
		UUID id = awaitDraft(applicationId).announcement().id();
		String etag = staff().getForEntity("/api/announcements/drafts/" + id, String.class).getHeaders().getETag();
		assertThat(put(id, etag,
				JSON.writeValueAsString(Map.of("headline", "Welcome " + HOSTILE, "summary", List.of(HOSTILE), "body",
						"First " + HOSTILE + "\n\nSecond <b>bold</b>", "quotes",
						List.of(Map.of("text", HOSTILE, "by", HOSTILE, "role", HOSTILE)))))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(staff().postForEntity("/api/announcements/drafts/" + id + "/publication", null, String.class)
			.getStatusCode()
			.value()).isEqualTo(200);

		String page = this.http.getForObject("/announcements/" + id, String.class);
		assertThat(page).doesNotContain(HOSTILE)
			.doesNotContain("<b>bold</b>")
			.contains("Welcome &lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("Second &lt;b&gt;bold&lt;/b&gt;");
		String feed = this.http.getForObject("/announcements.atom", String.class);
		assertThat(feed).doesNotContain(HOSTILE);
		SyndEntry entry = new SyndFeedInput().build(new StringReader(feed))
			.getEntries()
			.stream()
			.filter((e) -> e.getUri().equals("urn:uuid:" + id))
			.findFirst()
			.orElseThrow();
		assertThat(entry.getTitle()).isEqualTo("Welcome " + HOSTILE);
		assertThat(entry.getContents().get(0).getType()).isEqualTo("text");
		assertThat(entry.getContents().get(0).getValue()).contains("“" + HOSTILE + "” – " + HOSTILE + ", " + HOSTILE);

		AnnouncementPublished event = awaitPublished(applicationId);
		assertThat(event.getHeadline()).as("plain text, as typed").isEqualTo("Welcome " + HOSTILE);
		assertThat(event.getSummary()).containsExactly(HOSTILE);
		assertThat(event.getBody()).startsWith("First " + HOSTILE + "\n\nSecond <b>bold</b>");

		Mails welcome = awaitMail(contact, "Welcome to DIGITAL SME, Hostile Cluster");
		assertThat(welcome.html()).doesNotContain(HOSTILE).contains("Welcome &lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(welcome.text()).contains("Welcome " + HOSTILE);
	}

	@Test
	void theDraftsAreForStaffOnly() {
		UUID any = UUID.randomUUID();
		assertThat(this.http.getForEntity("/api/announcements/drafts", String.class).getStatusCode().value())
			.isEqualTo(401);
		assertThat(this.http.getForEntity("/api/announcements/drafts/" + any, String.class).getStatusCode().value())
			.isEqualTo(401);
		assertThat(this.http.postForEntity("/api/announcements/drafts/" + any + "/publication", null, String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(put(this.http, any, "\"1\"", edit("x")).getStatusCode().value()).isEqualTo(401);

		HttpHeaders viewer = new HttpHeaders();
		viewer.setBearerAuth(StaffTokens.Case.NO_STAFF_ROLE.token());
		ResponseEntity<String> forbidden = this.http.exchange("/api/announcements/drafts", HttpMethod.GET,
				new HttpEntity<>(viewer), String.class);
		assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
		assertThat(forbidden.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(this.http
			.exchange("/api/announcements/drafts/" + any + "/publication", HttpMethod.POST, new HttpEntity<>(viewer),
					String.class)
			.getStatusCode()
			.value()).isEqualTo(403);

		HttpHeaders staff = new HttpHeaders();
		staff.setBearerAuth(StaffTokens.staff());
		assertThat(
				this.http.exchange("/api/announcements/drafts", HttpMethod.GET, new HttpEntity<>(staff), String.class)
					.getStatusCode()
					.value())
			.isEqualTo(200);
		assertThat(staff().getForEntity("/api/announcements/drafts/" + any, String.class).getStatusCode().value())
			.isEqualTo(404);
		assertThat(staff().getForEntity("/api/announcements/drafts?size=101", String.class).getStatusCode().value())
			.isEqualTo(400);
	}

	private UUID draftFor(UUID applicationId, LocalDate effectiveFrom) {
		approved(applicationId, "Draft Cluster", null, effectiveFrom);
		return awaitDraft(applicationId).announcement().id();
	}

	private static void received(UUID applicationId, String organisation, String contact, String statement,
			String aims) {
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).setAims(aims).build())
			.setContact(SampleEvents.contact(contact).build())
			.setStatement((statement != null) ? org.membership.events.Statement.newBuilder().setText(statement).build()
					: null)
			.build());
	}

	private static void approved(UUID applicationId, String organisation, String aims, LocalDate effectiveFrom) {
		TestProducer.send(SampleEvents.memberApproved(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).setAims(aims).build())
			.setEffectiveFrom(effectiveFrom)
			.build());
	}

	private Draft awaitDraft(UUID applicationId) {
		return await().atMost(WAIT)
			.until(() -> this.drafts.findByApplicationId(applicationId).orElse(null), (draft) -> draft != null);
	}

	private JsonNode getDraft(UUID id) throws Exception {
		ResponseEntity<String> response = staff().getForEntity("/api/announcements/drafts/" + id, String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return JSON.readTree(response.getBody());
	}

	private TestRestTemplate staff() {
		return this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD);
	}

	private ResponseEntity<String> put(UUID id, String ifMatch, String body) {
		return put(staff(), id, ifMatch, body);
	}

	private static ResponseEntity<String> put(TestRestTemplate http, UUID id, String ifMatch, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			headers.setIfMatch(ifMatch);
		}
		return http.exchange("/api/announcements/drafts/" + id, HttpMethod.PUT, new HttpEntity<>(body, headers),
				String.class);
	}

	private static String edit(String headline) {
		return JSON.writeValueAsString(Map.of("headline", headline, "summary", List.of("One.", "Two.", "Three."),
				"body", "First paragraph.\n\nSecond paragraph.", "quotes",
				List.of(Map.of("text", "A key player.", "by", "Oliver Grün", "role", "President of DIGITAL SME"))));
	}

	private void awaitMails(String recipient, int count) {
		await().atMost(WAIT).until(() -> this.smtp.messagesTo(recipient).size() >= count);
	}

	private Mails awaitMail(String recipient, String subject) {
		await().atMost(WAIT)
			.until(() -> this.smtp.messagesTo(recipient)
				.stream()
				.anyMatch((message) -> Mails.of(message).subject().equals(subject)));
		return this.smtp.messagesTo(recipient)
			.stream()
			.map(Mails::of)
			.filter((mail) -> mail.subject().equals(subject))
			.findFirst()
			.orElseThrow();
	}

	private static AnnouncementPublished awaitPublished(UUID applicationId) {
		Map<String, Object> serde = new HashMap<>();
		serde.put("apicurio.registry.url", TestInfrastructure.get().registryUrl());
		serde.put("apicurio.registry.use-specific-avro-reader", true);
		ConsumerRecord<String, Object> record = TopicReader.awaitRecord(Topics.ANNOUNCEMENT_PUBLISHED,
				new AvroKafkaDeserializer<>(), serde, (r) -> applicationId.toString().equals(r.key()));
		return (AnnouncementPublished) record.value();
	}

	private static void awaitStart(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
