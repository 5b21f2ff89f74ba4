package org.membership.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.membership.events.Topics;
import org.membership.notification.support.Exactly;
import org.membership.notification.support.NotificationIntegrationTest;
import org.membership.stack.testing.TestMailServer;
import org.membership.stack.testing.Browser;
import org.membership.stack.testing.DeadLetterPage;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.membership.stack.testing.DeadLetterPage.address;
import static org.membership.stack.testing.DeadLetterPage.assertSharedLayout;
import static org.membership.stack.testing.DeadLetterPage.replayAction;
import static org.membership.stack.testing.DeadLetterPage.row;

/**
 * notification-service's dead letters as a staff page ({@code /staff/dead-letters}):
 * behind the form login, in the common layout, each record with a Replay button that
 * replays it here once, as the API does.
 */
@NotificationIntegrationTest
class DeadLetterPagesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String STAFF_PASSWORD = NotificationIntegrationTest.STAFF_PASSWORD;

	private static final String PAGE = DeadLetterPage.PATH;

	private static final Pattern DATE_TIME_WITH_ZONE = Pattern
		.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} [A-Z][A-Za-z0-9+:-]+");

	private final TestMailServer smtp = TestMailServer.get();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anonymousPeopleAreSentToTheLoginPageInTheCommonLookAndLandOnTheDeadLettersAfterIt() {
		Browser browser = new Browser(this.port);

		Browser.Page anonymous = browser.get(PAGE);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
		Browser.Page login = browser.get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertSharedLayout(login.body());
		assertThat(login.body()).contains("Staff login");

		Browser.Page wrong = browser.logIn("staff", "wrong");
		assertThat(wrong.location()).endsWith("/login?error");
		Browser.Page loggedIn = browser.logIn("staff", STAFF_PASSWORD);
		assertThat(loggedIn.status()).isEqualTo(302);
		assertThat(loggedIn.location()).as("back on the page asked for").contains(PAGE);
		Browser.Page page = browser.get(PAGE);
		assertThat(page.status()).isEqualTo(200);
		assertSharedLayout(page.body());
		assertThat(page.body()).contains("Dead letters of notification-service", "Logged in as staff",
				"Dead letters: directory", "Dead letters: notification");

		Browser.Page logout = browser.submit(page, "/logout", Map.of());
		assertThat(logout.location()).endsWith("/login?logout");
		assertThat(browser.get(PAGE).location()).endsWith("/login");
	}

	@Test
	void staffReplayADeadLetterFromThePageOnceAndAreToldWhenItWasReplayedAlready() {
		UUID id = UUID.randomUUID();
		String organisation = "Blocked For A Page " + id.toString().substring(0, 8);
		String constraint = "blocked_" + id.toString().substring(0, 8);
		// a transient failure: the database refuses this one organisation for now
		this.jdbc
			.sql("ALTER TABLE contact ADD CONSTRAINT " + constraint + " CHECK (organisation_name <> '" + organisation
					+ "')")
			.update();
		String contact = SampleEvents.uniqueEmail();
		try {
			TestProducer.send(SampleEvents.applicationReceived(id)
				.setOrganisation(SampleEvents.organisation(organisation).build())
				.setContact(SampleEvents.contact(contact).build())
				.build());
			Browser browser = loggedIn();
			String row = await().atMost(WAIT)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> row(browser, id), (found) -> found != null);
			assertThat(row).contains(Topics.deadLetterTopic(Topics.APPLICATION_RECEIVED, Topics.NOTIFICATION_SERVICE))
				.containsIgnoringCase(constraint)
				.contains(">Replay</button>")
				.doesNotContain(">Replayed<");
			assertThat(DATE_TIME_WITH_ZONE.matcher(row).find()).as("a time with its zone in %s", row).isTrue();

			this.jdbc.sql("ALTER TABLE contact DROP CONSTRAINT " + constraint).update();
			constraint = null;

			String action = replayAction(row);
			Browser.Page list = browser.get(PAGE);
			Browser.Page replayed = browser.submit(list, action, Map.of());
			assertThat(replayed.status()).isEqualTo(302);
			assertThat(replayed.location()).contains(PAGE);
			Browser.Page after = browser.get(replayed.location());
			assertThat(after.body()).contains("Replayed " + address(action));
			assertThat(row(browser, id)).contains(">Replayed<").doesNotContain(">Replay</button>");
			await().atMost(WAIT).until(() -> this.smtp.messagesTo(contact).size() == 1);

			// a second replay, from a page opened before the first
			Browser.Page again = browser.submit(list, action, Map.of());
			assertThat(browser.get(again.location()).body()).contains("Already replayed");
			Exactly.mails(this.smtp, contact, 1);
		}
		finally {
			if (constraint != null) {
				this.jdbc.sql("ALTER TABLE contact DROP CONSTRAINT " + constraint).update();
			}
		}
	}

	@Test
	void aDeadLetterThatStillFailsIsReportedAndStaysReplayable() {
		UUID id = UUID.randomUUID();
		TestProducer.sendRaw(Topics.APPLICATION_RECEIVED, id, "not Avro on a page".getBytes(StandardCharsets.UTF_8));
		Browser browser = loggedIn();
		String row = await().atMost(WAIT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> row(browser, id), (found) -> found != null);

		Browser.Page replay = browser.submit(browser.get(PAGE), replayAction(row), Map.of());

		assertThat(browser.get(replay.location()).body()).contains("Still failing, not replayed");
		assertThat(row(browser, id)).contains(">Replay</button>").doesNotContain(">Replayed<");
	}

	@Test
	void aReplayWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		Browser browser = loggedIn();
		Browser.Page forged = browser.post(PAGE + "/"
				+ Topics.deadLetterTopic(Topics.APPLICATION_RECEIVED, Topics.NOTIFICATION_SERVICE) + "/0/0/replay",
				Map.of());
		assertThat(forged.status()).isEqualTo(403);
	}

	private Browser loggedIn() {
		Browser browser = new Browser(this.port);
		assertThat(browser.logIn("staff", STAFF_PASSWORD).status()).isEqualTo(302);
		return browser;
	}

}
