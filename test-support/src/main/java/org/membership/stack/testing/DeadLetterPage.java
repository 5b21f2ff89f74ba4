package org.membership.stack.testing;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff page {@code /staff/dead-letters} as a test reads it, once for every service
 * that serves it (service-support's dead-letter page): a record's table row, its Replay
 * form, and the shared layout every page must have.
 */
public final class DeadLetterPage {

	/** Where every service with dead letters serves the page. */
	public static final String PATH = "/staff/dead-letters";

	private static final Pattern REPLAY_ACTION = Pattern.compile("action=\"([^\"]*/replay[^\"]*)\"");

	private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);

	private DeadLetterPage() {
	}

	/** The table row of the dead letter with key {@code id}, or {@code null}. */
	public static String row(Browser browser, UUID id) {
		Browser.Page page = browser.get(PATH);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		Matcher rows = ROW.matcher(page.body());
		while (rows.find()) {
			if (rows.group(1).contains(">" + id + "<")) {
				return rows.group(1);
			}
		}
		return null;
	}

	/** The action of the Replay form in {@code row}. */
	public static String replayAction(String row) {
		Matcher action = REPLAY_ACTION.matcher(row);
		assertThat(action.find()).as("a Replay form in %s", row).isTrue();
		return action.group(1);
	}

	/** "topic/partition/offset" of a replay action, as the page's messages name it. */
	public static String address(String action) {
		return action.substring(PATH.length() + 1, action.indexOf("/replay"));
	}

	/** The layout every page shares, with the staff section marked as the current one. */
	public static void assertSharedLayout(String body) {
		assertThat(body).containsPattern("<html[^>]* lang=\"en\"");
		assertThat(body).contains("class=\"skip-link\" href=\"#main\"", "class=\"site-header\"", "<main id=\"main\"",
				"class=\"site-footer\"", "/membership/site.css");
		assertThat(body).containsPattern("<a href=\"[^\"]*/staff\" aria-current=\"page\">Staff</a>");
	}

}
