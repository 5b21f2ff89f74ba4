package org.membership.directory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.membership.events.Topics;
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
 * The directory's dead letters as a staff page ({@code /staff/dead-letters}): behind the
 * form login, in the common layout, each record with a Replay button that replays it here
 * once, as the API does.
 */
@DirectoryIntegrationTest
class DeadLetterPagesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String STAFF_PASSWORD = "test-staff-secret";

	private static final String PAGE = DeadLetterPage.PATH;

	private static final Pattern DATE_TIME_WITH_ZONE = Pattern
		.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} [A-Z][A-Za-z0-9+:-]+");

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
		assertThat(page.body()).contains("Dead letters of directory-service", "Logged in as staff",
				"Dead letters: directory", "Dead letters: notification");

		Browser.Page logout = browser.submit(page, "/logout", Map.of());
		assertThat(logout.location()).endsWith("/login?logout");
		assertThat(browser.get(PAGE).location()).endsWith("/login");
	}

	@Test
	void staffReplayADeadLetterFromThePageOnceAndAreToldWhenItWasReplayedAlready() {
		UUID id = UUID.randomUUID();
		String name = SampleEvents.uniqueName("Blocked For A Page");
		String constraint = "blocked_" + id.toString().substring(0, 8);
		// a transient failure: the database refuses this one organisation for now
		this.jdbc.sql("alter table member add constraint " + constraint + " check (name <> '" + name + "')").update();
		try {
			TestProducer.send(SampleEvents.membershipEffective(id)
				.setApplicationVersion(3)
				.setOrganisation(SampleEvents.organisation(name).build())
				.build());
			Browser browser = loggedIn();
			String row = await().atMost(WAIT)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> row(browser, id), (found) -> found != null);
			assertThat(row).contains(Topics.deadLetterTopic(Topics.MEMBERSHIP_EFFECTIVE, Topics.DIRECTORY_SERVICE))
				.containsIgnoringCase(constraint)
				.contains(">Replay</button>")
				.doesNotContain(">Replayed<");
			assertThat(DATE_TIME_WITH_ZONE.matcher(row).find()).as("a time with its zone in %s", row).isTrue();

			this.jdbc.sql("alter table member drop constraint " + constraint).update();
			constraint = null;

			String action = replayAction(row);
			Browser.Page list = browser.get(PAGE);
			Browser.Page replayed = browser.submit(list, action, Map.of());
			assertThat(replayed.status()).isEqualTo(302);
			assertThat(replayed.location()).contains(PAGE);
			Browser.Page after = browser.get(replayed.location());
			assertThat(after.body()).contains("Replayed " + address(action));
			assertThat(row(browser, id)).contains(">Replayed<").doesNotContain(">Replay</button>");
			assertThat(status(id)).isEqualTo("MEMBER");

			// a second replay, from a page opened before the first
			Browser.Page again = browser.submit(list, action, Map.of());
			assertThat(browser.get(again.location()).body()).contains("Already replayed");
		}
		finally {
			if (constraint != null) {
				this.jdbc.sql("alter table member drop constraint " + constraint).update();
			}
		}
	}

	@Test
	void aDeadLetterThatStillFailsIsReportedAndStaysReplayable() {
		UUID id = UUID.randomUUID();
		TestProducer.sendRaw(Topics.MEMBER_APPROVED, id, "not Avro on a page".getBytes(StandardCharsets.UTF_8));
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
		Browser.Page forged = browser.post(
				PAGE + "/" + Topics.deadLetterTopic(Topics.MEMBER_APPROVED, Topics.DIRECTORY_SERVICE) + "/0/0/replay",
				Map.of());
		assertThat(forged.status()).isEqualTo(403);
	}

	private Browser loggedIn() {
		Browser browser = new Browser(this.port);
		assertThat(browser.logIn("staff", STAFF_PASSWORD).status()).isEqualTo(302);
		return browser;
	}

	private String status(UUID id) {
		return this.jdbc.sql(
				"select status from member where application_id = ? and generation_id = (select id from directory_generation where state = 'LIVE')")
			.param(id.toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
