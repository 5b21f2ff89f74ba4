package org.membership.onboarding.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;
import org.membership.stack.testing.TestMailServer;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages of a lost status link, as an applicant uses them: the form and the
 * confirmation lead to the page that asks for a new link, which answers alike whatever
 * matched and shows malformed input next to its field.
 */
@OnboardingIntegrationTest
class StatusLinkPagesIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void theFormAndTheConfirmationSayHowToGetANewLink() {
		Browser browser = new Browser(this.port);
		Browser.Page form = browser.get("/");
		assertThat(form.body()).contains("id=\"new-link\" href=\"/status-link\"");

		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("organisation.name", "CLUJ IT Cluster");
		fields.put("organisation.country", "RO");
		fields.put("organisation.city", "Cluj-Napoca");
		fields.put("organisation.type", "CLUSTER");
		fields.put("requestedTier", "FULL");
		fields.put("contact.name", "Andrei Kelemen");
		fields.put("contact.email", "andrei.kelemen@example.org");
		Browser.Page posted = browser.submit(form, "/", fields);
		Browser.Page confirmation = browser.get(posted.location());

		String id = posted.location().replaceAll(".*/applications/([^/]+)/submitted", "$1");
		assertThat(confirmation.body()).contains("<strong id=\"reference\">" + id + "</strong>")
			.contains("id=\"new-link\" href=\"/status-link\"")
			.contains("the old link stops working");
	}

	@Test
	void thePageLabelsItsFieldsAndAnswersAlikeWhateverMatched() {
		String address = "andrei." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Map<String, Object> application = SampleApplications.clujItCluster();
		SampleApplications.contact(application).put("email", address);
		String id = new Api(this.port).post("/api/applications", application).text("id");
		Browser browser = new Browser(this.port);

		Browser.Page page = browser.get("/status-link");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<label for=\"reference\"", "id=\"reference\"", "<label for=\"email\"",
				"id=\"email\"");
		assertThat(page.csrfToken()).isNotBlank();

		Browser.Page unknown = browser.submit(page, "/status-link",
				Map.of("reference", UUID.randomUUID().toString(), "email", address));
		Browser.Page matching = browser.submit(browser.get("/status-link"), "/status-link",
				Map.of("reference", id, "email", address));
		assertThat(unknown.status()).isEqualTo(302);
		assertThat(matching.status()).isEqualTo(302);
		assertThat(matching.location()).isEqualTo(unknown.location());
		assertThat(browser.get(matching.location()).body()).contains("id=\"requested\"")
			.contains("a new status link is on its way to that address");
		await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.get().messagesTo(address).size() == 1);
	}

	@Test
	void malformedInputIsShownNextToItsFieldAndKept() {
		Browser browser = new Browser(this.port);

		Browser.Page page = browser.submit(browser.get("/status-link"), "/status-link",
				Map.of("reference", "<script>alert(1)</script>", "email", "andrei.kelemen"));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body())
			.contains("id=\"reference-error\"", "Enter the reference shown after you applied", "id=\"email-error\"",
					"Enter an e-mail address such as name@example.org.")
			.contains("value=\"andrei.kelemen\"")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>")
			.doesNotContain("id=\"requested\"");
		assertThat(browser
			.post("/status-link", Map.of("reference", UUID.randomUUID().toString(), "email", "a@example.org"))
			.status()).as("no CSRF token").isEqualTo(403);
	}

}
