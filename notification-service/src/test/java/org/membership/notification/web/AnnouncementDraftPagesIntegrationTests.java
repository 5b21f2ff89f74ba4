package org.membership.notification.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.AnnouncementDrafts;
import org.membership.notification.announcement.Draft;
import org.membership.notification.mail.Dates;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.Browser;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;
import org.membership.support.association.AssociationTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.membership.stack.testing.DeadLetterPage.assertSharedLayout;

/**
 * The staff pages of the drafts ({@code /staff/announcements}): behind the form login, in
 * the common layout; the editor saves with the version it was opened at (a stale save is
 * refused), adds quotes, and publishes; the preview is the public page's template.
 */
@NotificationIntegrationTest
class AnnouncementDraftPagesIntegrationTests {

	private static final String PAGES = "/staff/announcements";

	private static final String HOSTILE = "<script>alert(1)</script>";

	private static final String STATEMENT = "We are happy to join the Alliance.";

	@LocalServerPort
	private int port;

	@Autowired
	private AnnouncementDrafts drafts;

	@Autowired
	private AssociationTime time;

	@Test
	void anonymousPeopleLogInAndSeeTheDraftsInTheCommonLook() {
		Draft draft = draft("Listed Cluster " + UUID.randomUUID().toString().substring(0, 8), STATEMENT);
		Browser browser = new Browser(this.port);
		Browser.Page anonymous = browser.get(PAGES);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
		assertThat(browser.get(PAGES + "/" + draft.announcement().id() + "/preview").location()).endsWith("/login");

		assertThat(browser.logIn("staff", NotificationIntegrationTest.STAFF_PASSWORD).location()).contains(PAGES);
		Browser.Page list = browser.get(PAGES + "?page=0");
		assertThat(list.status()).isEqualTo(200);
		assertSharedLayout(list.body());
		assertThat(list.body()).contains("<h1>Announcement drafts</h1>", "Logged in as staff")
			.containsPattern("aria-current=\"page\">Announcement drafts</a>")
			.contains("href=\"" + PAGES + "/" + draft.announcement().id() + "\"")
			.contains(draft.organisationName());
	}

	@Test
	void staffEditTheDraftAndAddThePresidentsQuote() {
		Draft draft = draft("Edited Cluster", STATEMENT);
		Browser browser = loggedIn();
		String path = PAGES + "/" + draft.announcement().id();
		Browser.Page editor = browser.get(path);
		assertThat(editor.status()).isEqualTo(200);
		assertSharedLayout(editor.body());
		assertThat(editor.body())
			.contains("name=\"headline\"", "name=\"summary0\"", "name=\"summary1\"", "name=\"summary2\"",
					"name=\"body\"", "name=\"quoteText0\"", "name=\"quoteBy0\"", "name=\"quoteRole0\"",
					"value=\"Andrei Kelemen\"", "value=\"CEO of Edited Cluster\"",
					// an empty row to add a quote
					"name=\"quoteText1\"", "Add a quote", "Plain text")
			.contains(">" + STATEMENT + "</textarea>")
			.contains("name=\"version\" value=\"" + draft.version() + "\"");

		Map<String, String> fields = fields(draft);
		fields.put("headline", "DIGITAL SME welcomes Edited Cluster");
		fields.put("quoteText1", "A key player in the Romanian ICT sector.");
		fields.put("quoteBy1", "Oliver Grün");
		fields.put("quoteRole1", "President of DIGITAL SME");
		Browser.Page saved = browser.submit(editor, path, fields);

		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.get(saved.location()).body()).contains("Saved.")
			.contains("value=\"DIGITAL SME welcomes Edited Cluster\"")
			.contains("value=\"Oliver Grün\"");
		Announcement edited = this.drafts.find(draft.announcement().id()).announcement();
		assertThat(edited.headline()).isEqualTo("DIGITAL SME welcomes Edited Cluster");
		assertThat(edited.quotes()).containsExactly(
				new Announcement.Quote(STATEMENT, "Andrei Kelemen", "CEO of Edited Cluster"), new Announcement.Quote(
						"A key player in the Romanian ICT sector.", "Oliver Grün", "President of DIGITAL SME"));
		assertThat(edited.summary()).isEqualTo(draft.announcement().summary());
		assertThat(edited.body()).isEqualTo(draft.announcement().body());
	}

	@Test
	void aSaveFromAnEditorOpenedBeforeAnotherSaveIsRefused() {
		Draft draft = draft("Concurrent Cluster", null);
		String path = PAGES + "/" + draft.announcement().id();
		Browser first = loggedIn();
		Browser second = loggedIn();
		Browser.Page firstEditor = first.get(path);
		Browser.Page secondEditor = second.get(path);

		Map<String, String> mine = fields(draft);
		mine.put("headline", "The first editor's headline");
		assertThat(first.submit(firstEditor, path, mine).status()).isEqualTo(302);
		Map<String, String> theirs = fields(draft);
		theirs.put("headline", "The second editor's headline");
		Browser.Page refused = second.submit(secondEditor, path, theirs);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("someone else changed this draft");
		assertThat(this.drafts.find(draft.announcement().id()).announcement().headline())
			.isEqualTo("The first editor's headline");
	}

	@Test
	void anInvalidSaveShowsTheFieldsAndChangesNothing() {
		Draft draft = draft("Invalid Cluster", null);
		String path = PAGES + "/" + draft.announcement().id();
		Browser browser = loggedIn();
		Map<String, String> fields = fields(draft);
		fields.put("headline", " ");
		fields.put("quoteText0", "Words without a name.");

		Browser.Page invalid = browser.submit(browser.get(path), path, fields);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("Not saved", "headline:", "quotes[0].by:")
			.contains(">Words without a name.</textarea>");
		assertThat(this.drafts.find(draft.announcement().id()).version()).isEqualTo(draft.version());
	}

	@Test
	void thePreviewIsThePublicPageAndPublishingFromTheEditorPutsItThere() {
		Draft draft = draft("Preview Cluster", STATEMENT);
		String path = PAGES + "/" + draft.announcement().id();
		Browser browser = loggedIn();

		Browser.Page preview = browser.get(path + "/preview");
		assertThat(preview.status()).isEqualTo(200);
		// the public page's layout: the Announcements section, not the staff console
		assertThat(preview.body()).containsPattern("<html[^>]* lang=\"en\"")
			.contains("class=\"skip-link\" href=\"#main\"", "class=\"site-header\"", "class=\"site-footer\"")
			.containsPattern("aria-current=\"page\">Announcements</a>");
		assertThat(preview.body()).contains("Preview: not published yet")
			.contains("<h1>DIGITAL SME welcomes Preview Cluster as a Full Member</h1>")
			.contains("class=\"highlights\"", "class=\"dateline\"", "About the European DIGITAL SME Alliance")
			.contains("<blockquote><p>" + STATEMENT + "</p></blockquote>")
			.contains("Andrei Kelemen, CEO of Preview Cluster")
			.contains("will join the DIGITAL SME community as a Full Member as of " + Dates.day(draft.effectiveFrom()));
		assertThat(new Browser(this.port).get("/announcements/" + draft.announcement().id()).status())
			.as("not public before it is published")
			.isEqualTo(404);

		Browser.Page editor = browser.get(path);
		Browser.Page published = browser.submit(editor, path + "/publication", Map.of());
		assertThat(published.status()).isEqualTo(302);
		assertThat(browser.get(published.location()).body()).contains("Published: it is on the public page")
			.contains("Published: it can no longer be edited.")
			.doesNotContain("name=\"headline\"");
		Browser.Page again = browser.submit(editor, path + "/publication", Map.of());
		assertThat(browser.get(again.location()).body()).contains("published already");

		Browser.Page page = new Browser(this.port).get("/announcements/" + draft.announcement().id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(comparable(preview.body())).as("the preview is the public page").isEqualTo(comparable(page.body()));
	}

	@Test
	void hostileTextStaysTextInTheEditorAndThePreview() {
		Draft draft = draft(HOSTILE, HOSTILE);
		String path = PAGES + "/" + draft.announcement().id();
		Browser browser = loggedIn();

		for (String body : new String[] { browser.get(path).body(), browser.get(path + "/preview").body(),
				browser.get(PAGES).body() }) {
			assertThat(body).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		}
	}

	@Test
	void aSaveWithoutTheCsrfTokenIsRefused() {
		Draft draft = draft("Forged Cluster", null);
		Browser browser = loggedIn();
		Browser.Page forged = browser.post(PAGES + "/" + draft.announcement().id() + "/publication", Map.of());
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.drafts.find(draft.announcement().id()).announcement().status())
			.isEqualTo(Announcement.Status.DRAFT);
	}

	private Draft draft(String organisation, String statement) {
		UUID applicationId = UUID.randomUUID();
		TestProducer.send(SampleEvents.applicationReceived(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).build())
			.setContact(SampleEvents.contact(SampleEvents.uniqueEmail()).build())
			.setStatement((statement != null) ? org.membership.events.Statement.newBuilder().setText(statement).build()
					: null)
			.build());
		LocalDate effectiveFrom = this.time.today().plusMonths(2);
		TestProducer.send(SampleEvents.memberApproved(applicationId)
			.setOrganisation(SampleEvents.organisation(organisation).build())
			.setEffectiveFrom(effectiveFrom)
			.build());
		// both events applied: the draft, with the statement quoted when there is one
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> this.drafts.findByApplicationId(applicationId).orElse(null),
					(d) -> d != null && (statement == null || !d.announcement().quotes().isEmpty()));
	}

	private Browser loggedIn() {
		Browser browser = new Browser(this.port);
		assertThat(browser.logIn("staff", NotificationIntegrationTest.STAFF_PASSWORD).status()).isEqualTo(302);
		return browser;
	}

	/** The editor's fields as the draft has them. */
	private static Map<String, String> fields(Draft draft) {
		Announcement announcement = draft.announcement();
		Map<String, String> fields = new HashMap<>();
		fields.put("version", String.valueOf(draft.version()));
		fields.put("headline", announcement.headline());
		for (int i = 0; i < announcement.summary().size(); i++) {
			fields.put("summary" + i, announcement.summary().get(i));
		}
		fields.put("body", announcement.body());
		for (int i = 0; i < announcement.quotes().size(); i++) {
			fields.put("quoteText" + i, announcement.quotes().get(i).text());
			fields.put("quoteBy" + i, announcement.quotes().get(i).by());
			fields.put("quoteRole" + i, announcement.quotes().get(i).role());
		}
		return fields;
	}

	/**
	 * The page's main content without what differs between a preview and the published
	 * page: the preview's note and the times (the preview is dated when it was looked
	 * at).
	 */
	private static String comparable(String page) {
		Matcher main = Pattern.compile("(?s)<main[^>]*>(.*)</main>").matcher(page);
		assertThat(main.find()).isTrue();
		return main.group(1)
			.replaceAll("(?s)<p class=\"alert\" role=\"status\">.*?</p>", "")
			.replaceAll("(?s)<time[^>]*>.*?</time>", "<time/>")
			.strip();
	}

}
