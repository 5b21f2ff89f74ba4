package org.membership.notification.announcement;

import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.membership.events.AnnouncementPublished;
import org.membership.events.MembershipEffective;
import org.membership.events.Topics;
import org.membership.notification.mail.NotificationKind;
import org.membership.notification.mail.Notifications;
import org.membership.notification.support.Consumption;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.Mails;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.notification.support.TopicReader;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestInfrastructure;
import org.membership.stack.testing.TestProducer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class AnnouncementIntegrationTests {

	private static final String HOSTILE = "<script>alert(1)</script>";

	private final TestMailServer smtp = TestMailServer.get();

	@Autowired
	private Announcements announcements;

	@Autowired
	private Notifications notifications;

	@Autowired
	private TestRestTemplate http;

	@Test
	void theReferenceStoryIsAnnouncedAndTheContactWelcomed() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();

		Announcement announcement = admit(applicationId, "CLUJ IT Cluster", contact);

		assertThat(announcement.headline()).isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member");
		assertThat(announcement.summary()).hasSize(3)
			.first()
			.isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member.");
		assertThat(announcement.body()).contains("European DIGITAL SME Alliance")
			.contains("CLUJ IT Cluster is based in Cluj-Napoca, Romania. It was founded in October 2012.")
			.contains("90 members")
			.contains("Innovative cluster of IT companies")
			.contains("as a Full Member as of 1 January 2023");
		// each fact once
		assertThat(announcement.body().split("Cluj-Napoca", -1)).hasSize(2);
		assertThat(announcement.link()).isEqualTo("https://www.digitalsme.example/announcements/" + announcement.id());

		Mails welcome = awaitMail(contact, "Welcome to DIGITAL SME, CLUJ IT Cluster");
		assertThat(welcome.text()).contains("Dear Andrei Kelemen,")
			.contains("As of 1 January 2023, CLUJ IT Cluster is a Full Member of the European DIGITAL SME Alliance")
			.contains(announcement.link());
	}

	@Test
	void aRedeliveredMembershipEffectiveMakesNoSecondAnnouncementOrWelcome() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setContact(SampleEvents.contact(contact).build())
			.build());
		MembershipEffective effective = SampleEvents.membershipEffective(applicationId).build();
		TestProducer.send(effective);
		awaitMail(contact, "Welcome to DIGITAL SME, CLUJ IT Cluster");

		RecordMetadata again = TestProducer.send(effective);
		// a new event id for the same membership changes nothing either
		RecordMetadata another = TestProducer.send(SampleEvents.membershipEffective(applicationId).build());
		Consumption.awaitConsumed(again);
		Consumption.awaitConsumed(another);

		assertThat(this.announcements.newestFirst(0, 10_000)
			.stream()
			.filter((a) -> a.applicationId().equals(applicationId))).hasSize(1);
		assertThat(this.notifications.findByApplication(applicationId)
			.stream()
			.filter((n) -> n.kind() == NotificationKind.WELCOME)).hasSize(1);
		// acknowledgement and welcome, once each
		Exactly.mails(this.smtp, contact, 2);
		// every topic: what the test produced, and one announcement published
		Exactly.onEveryTopic(applicationId, Map.of(Topics.APPLICATION_RECEIVED, 1L, Topics.MEMBERSHIP_EFFECTIVE, 3L,
				Topics.ANNOUNCEMENT_PUBLISHED, 1L));
	}

	@Test
	void theAnnouncementIsServedAsJsonPageAndAtomFeed() throws Exception {
		UUID applicationId = UUID.randomUUID();
		Announcement announcement = admit(applicationId, "CLUJ IT Cluster", SampleEvents.uniqueEmail());

		ResponseEntity<String> json = this.http.getForEntity("/api/announcements?size=100", String.class);
		assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.getBody()).contains("\"content\":[")
			.contains("\"page\":{")
			.contains("\"totalElements\":")
			.contains("\"id\":\"" + announcement.id() + "\"")
			.contains("\"applicationId\":\"" + applicationId + "\"")
			.contains("\"headline\":\"DIGITAL SME welcomes CLUJ IT Cluster as a Full Member\"")
			.contains("\"summary\":[")
			.contains("\"body\":")
			.contains("\"publishedAt\":")
			.contains("\"link\":\"" + announcement.link() + "\"");

		JsonNode body = JsonMapper.builder().build().readTree(json.getBody());
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("content", "page");
		assertThat(body.get("page").propertyNames()).containsExactlyInAnyOrder("size", "number", "totalElements",
				"totalPages");
		assertThat(body.get("content").get(0).propertyNames()).containsExactlyInAnyOrder("id", "applicationId",
				"headline", "summary", "body", "quotes", "publishedAt", "link", "status");

		ResponseEntity<String> missing = this.http.getForEntity("/api/announcements/" + UUID.randomUUID(),
				String.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType()).hasToString("application/problem+json");

		String page = this.http.getForObject("/announcements/" + announcement.id(), String.class);
		assertThat(page).contains("<h1>DIGITAL SME welcomes CLUJ IT Cluster as a Full Member</h1>")
			.as("a press release: dateline, highlights, boilerplate, Open Graph, feed link, shared layout")
			.contains("<span class=\"dateline\"><span>Brussels</span>")
			.contains("class=\"highlights\"")
			.contains("About the European DIGITAL SME Alliance")
			.contains("<meta property=\"og:title\" content=\"DIGITAL SME welcomes CLUJ IT Cluster as a Full Member\">")
			.contains("<meta property=\"og:url\" content=\"" + announcement.link() + "\">")
			.contains("type=\"application/atom+xml\"")
			.contains("href=\"/membership/site.css\"");
		assertThat(this.http.getForObject("/announcements", String.class))
			.contains("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member")
			.contains("class=\"teaser\"")
			.as("the index shows teasers, not the full text")
			.doesNotContain(announcement.paragraphs().get(announcement.paragraphs().size() - 1));
		ResponseEntity<String> ofMember = this.http
			.getForEntity("/announcements/members/" + announcement.applicationId(), String.class);
		assertThat(ofMember.getStatusCode().is3xxRedirection() ? ofMember.getHeaders().getLocation().toString()
				: ofMember.getBody())
			.contains(announcement.id().toString());
		assertThat(this.http.getForEntity("/announcements/" + UUID.randomUUID(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> root = this.http.getForEntity("/", String.class);
		assertThat(
				root.getStatusCode().is3xxRedirection() ? root.getHeaders().getLocation().toString() : root.getBody())
			.as("the root leads to the announcements, no login prompt")
			.contains("/announcements");
		assertThat(root.getHeaders().get("WWW-Authenticate")).isNull();

		SyndFeed feed = atomFeed();
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(entry(feed, announcement).getTitle())
			.isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member");
		assertThat(entry(feed, announcement).getLink()).isEqualTo(announcement.link());
	}

	@Test
	void theAnnouncementIsPublishedAndReadableThroughTheRegistry() throws Exception {
		UUID applicationId = UUID.randomUUID();
		Announcement announcement = admit(applicationId, "CLUJ IT Cluster", SampleEvents.uniqueEmail());

		Map<String, Object> serde = new HashMap<>();
		serde.put("apicurio.registry.url", TestInfrastructure.get().registryUrl());
		serde.put("apicurio.registry.use-specific-avro-reader", true);
		ConsumerRecord<String, Object> record = TopicReader.awaitRecord(Topics.ANNOUNCEMENT_PUBLISHED,
				new AvroKafkaDeserializer<>(), serde, (r) -> applicationId.toString().equals(r.key()));

		assertThat(record.value()).isInstanceOf(AnnouncementPublished.class);
		AnnouncementPublished published = (AnnouncementPublished) record.value();
		assertThat(published.getAnnouncementId()).isEqualTo(announcement.id());
		assertThat(published.getApplicationId()).isEqualTo(applicationId);
		assertThat(published.getHeadline()).isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member");
		assertThat(published.getSummary()).hasSize(3);
		// the event has no field for quotes: its body is the body, the quotes and the
		// boilerplate
		assertThat(published.getBody()).isEqualTo(announcement.fullText()).startsWith(announcement.body());
		assertThat(published.getLink()).isEqualTo(announcement.link());
		assertThat(published.getApplicationVersion()).isEqualTo(3);
	}

	@Test
	void aHostileOrganisationNameStaysTextInPageFeedAndMail() throws Exception {
		UUID applicationId = UUID.randomUUID();
		String contact = SampleEvents.uniqueEmail();
		Announcement announcement = admit(applicationId, HOSTILE, contact);
		assertThat(announcement.headline()).isEqualTo("DIGITAL SME welcomes " + HOSTILE + " as a Full Member");

		String page = this.http.getForObject("/announcements/" + announcement.id(), String.class);
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
		assertThat(this.http.getForObject("/announcements?size=100", String.class)).doesNotContain(HOSTILE);

		String xml = this.http.getForObject("/announcements.atom", String.class);
		assertThat(xml).doesNotContain(HOSTILE);
		assertThat(entry(atomFeed(), announcement).getTitle()).contains(HOSTILE);

		awaitMail(contact, "Welcome to DIGITAL SME, " + HOSTILE);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.smtp.messagesTo(contact).size() == 3);
		for (var message : this.smtp.messagesTo(contact)) {
			Mails mail = Mails.of(message);
			assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
		}
	}

	private Announcement admit(UUID applicationId, String organisation, String contact) throws Exception {
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).build())
			.setContact(SampleEvents.contact(contact).build())
			.build());
		// topics are not ordered with each other: send the decisions once the contact
		// is known, as in the workflow (AcknowledgementIntegrationTests tests the other)
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.smtp.messagesTo(contact).isEmpty());
		TestProducer.send(SampleEvents.memberApproved(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).build())
			.build());
		TestProducer.send(SampleEvents.membershipEffective(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).build())
			.build());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.announcements.findByApplicationId(applicationId).isPresent());
		return this.announcements.findByApplicationId(applicationId).orElseThrow();
	}

	private Mails awaitMail(String recipient, String subject) {
		await().atMost(Duration.ofSeconds(30))
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

	private SyndFeed atomFeed() throws Exception {
		ResponseEntity<String> response = this.http.getForEntity("/announcements.atom", String.class);
		assertThat(response.getHeaders().getContentType()).hasToString("application/atom+xml;charset=UTF-8");
		return new SyndFeedInput().build(new StringReader(response.getBody()));
	}

	private static SyndEntry entry(SyndFeed feed, Announcement announcement) {
		List<SyndEntry> matching = feed.getEntries()
			.stream()
			.filter((entry) -> entry.getUri().equals("urn:uuid:" + announcement.id()))
			.toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
