package org.membership.onboarding.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The application form at / and the staff console, as a person uses them. */
@OnboardingIntegrationTest
class WebPagesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private static Map<String, String> validForm(String marker) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("organisation.name", "CLUJ IT Cluster");
		form.put("organisation.legalName", "Asociația CLUJ IT");
		form.put("organisation.country", "RO");
		form.put("organisation.city", "Cluj-Napoca");
		form.put("organisation.website", "https://www.clujit.ro");
		form.put("organisation.type", "CLUSTER");
		form.put("organisation.foundedOn", "2012-10-01");
		form.put("organisation.memberCount", "90");
		form.put("organisation.description", "Innovative cluster. " + marker);
		form.put("requestedTier", "FULL");
		form.put("contact.name", "Andrei Kelemen");
		form.put("contact.role", "CEO");
		form.put("contact.email", "andrei.kelemen@example.org");
		return form;
	}

	@Test
	void theFormLabelsEveryFieldAndCarriesACsrfToken() {
		Browser.Page form = new Browser(this.port).get("/");

		assertThat(form.status()).isEqualTo(200);
		for (String field : validForm("").keySet()) {
			assertThat(form.body()).as(field).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
		}
		assertThat(form.csrfToken()).isNotBlank();
	}

	@Test
	void invalidInputIsShownNextToItsFieldsWithTheInputKeptAndNothingStored() {
		String marker = UUID.randomUUID().toString();
		Browser browser = new Browser(this.port);
		Map<String, String> fields = validForm(marker);
		fields.put("organisation.country", "XX");
		fields.put("organisation.memberCount", "ninety");
		fields.put("contact.email", "andrei.kelemen");
		fields.put("organisation.name", "");

		Browser.Page page = browser.submit(browser.get("/"), "/", fields);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("Choose a country from the list.")
			.contains("Enter a whole number.")
			.contains("Enter an e-mail address such as name@example.org.")
			.contains("Enter the organisation&#39;s name.")
			.as("a visitor reads sentences, not the validator's messages")
			.doesNotContain("must not be")
			.contains("value=\"Cluj-Napoca\"")
			.contains("value=\"andrei.kelemen\"")
			.contains(marker);
		assertThat(page.body()).containsPattern(
				"id=\"organisation\\.name\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"organisation\\.name\"");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM membership_application WHERE org_description LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theFormAsksForTheApplicantsOwnWordsWithTheirLimits() {
		Browser.Page form = new Browser(this.port).get("/");

		for (String field : new String[] { "organisation.aims", "statement.text" }) {
			assertThat(form.body()).as(field)
				.contains("<label for=\"" + field + "\"")
				.containsPattern("<textarea[^>]*id=\"" + Pattern.quote(field) + "\"")
				.contains("id=\"" + field + "-hint\"")
				.contains("aria-describedby=\"" + field + "-hint " + field + "-error\"");
		}
		assertThat(form.body()).contains("maxlength=\"300\"")
			.contains("at most 300 characters")
			.contains("maxlength=\"1000\"")
			.contains("at most 1,000 characters");
	}

	@Test
	void wordsOverTheirLimitsAreShownNextToTheirFieldsWithTheInputKept() {
		String marker = UUID.randomUUID().toString();
		Browser browser = new Browser(this.port);
		Map<String, String> fields = validForm(marker);
		fields.put("organisation.aims", "a".repeat(301));
		fields.put("statement.text", "We join." + (char) 7);

		Browser.Page page = browser.submit(browser.get("/"), "/", fields);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"organisation.aims-error\">Use at most 300 characters.</span>")
			.containsPattern("id=\"statement\\.text-error\">[^<]*control characters[^<]*</span>")
			.contains("a".repeat(301) + "</textarea>");
		assertThat(page.body()).containsPattern("<textarea[^>]*id=\"organisation\\.aims\"[^>]*class=\"invalid\""
				+ "|<textarea[^>]*class=\"invalid\"[^>]*id=\"organisation\\.aims\"");
		assertThat(rowsWith(marker)).isZero();
	}

	@Test
	void theApplicantsWordsFromTheFormStayTextOnTheStatusPageAndInTheConsole() {
		String marker = UUID.randomUUID().toString();
		Browser browser = new Browser(this.port);
		Map<String, String> fields = validForm(marker);
		fields.put("organisation.aims", "<script>alert('aims')</script> aims to foster innovation");
		fields.put("statement.text", "<script>alert('statement')</script>\r\nWe join DIGITAL SME.");

		Browser.Page posted = browser.submit(browser.get("/"), "/", fields);
		assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
		String link = browser.get(posted.location())
			.body()
			.replaceAll("(?s).*id=\"status-link\" href=\"([^\"]+)\".*", "$1")
			.replace("&amp;", "&");
		Browser.Page status = new Browser(this.port).get(link);
		UUID id = UUID.fromString(link.replaceAll(".*/applications/([^/]+)/status.*", "$1"));
		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);
		Browser.Page console = staff.get("/staff/applications/" + id);

		for (Browser.Page page : new Browser.Page[] { status, console }) {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("<script>alert")
				.contains("&lt;script&gt;alert(&#39;aims&#39;)&lt;/script&gt; aims to foster innovation")
				.contains("&lt;script&gt;alert(&#39;statement&#39;)&lt;/script&gt;\nWe join DIGITAL SME.");
		}
		Api.Response details = new Api(this.port).asStaff().get("/api/applications/" + id);
		assertThat(details.json().path("statement").path("text").asString())
			.isEqualTo("<script>alert('statement')</script>\nWe join DIGITAL SME.");
	}

	@Test
	void aFormPostWithoutCsrfTokenIsForbidden() {
		String marker = UUID.randomUUID().toString();

		Browser.Page page = new Browser(this.port).post("/", validForm(marker));

		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void aValidApplicationLeadsToTheConfirmationWithThePrivateStatusLink() {
		String marker = UUID.randomUUID().toString();
		Browser browser = new Browser(this.port);

		Browser.Page posted = browser.submit(browser.get("/"), "/", validForm(marker));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
		Browser.Page confirmation = browser.get(posted.location());

		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.body()).contains("CLUJ IT Cluster");
		String link = confirmation.body()
			.replaceAll("(?s).*id=\"status-link\" href=\"([^\"]+)\".*", "$1")
			.replace("&amp;", "&");
		assertThat(link).contains("/status?token=");
		Browser.Page status = new Browser(this.port).get(link);
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).contains(">Submitted<").contains("CLUJ IT Cluster").doesNotContain("SUBMITTED");
		assertThat(status.body()).as("no words given, none shown")
			.doesNotContain("id=\"aims\"")
			.doesNotContain("id=\"statement\"");
		assertThat(browser.get(posted.location()).status()).as("the link is shown once").isEqualTo(302);
	}

	@Test
	void staffApproveAndRejectInTheConsole() {
		UUID approved = submit();
		UUID rejected = submit();
		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);

		Browser.Page page = staff.get("/staff/applications/" + approved);
		Browser.Page afterApproval = staff.submit(page, "/staff/applications/" + approved + "/approval",
				Map.of("tier", "ASSOCIATE", "effectiveFrom", LocalDate.now().plusDays(14).toString(), "note", ""));
		assertThat(afterApproval.status()).isEqualTo(302);
		assertThat(afterApproval.location()).endsWith("/staff");
		assertThat(staff.get("/staff").body()).contains("Approved CLUJ IT Cluster as Associate member");
		// the history names tiers by their labels, as the rest of the page
		assertThat(staff.get("/staff/applications/" + approved).body()).contains("tier Associate, effective from")
			.containsPattern("requested tier [A-Z][a-z]")
			.doesNotContain("tier ASSOCIATE")
			.doesNotContainPattern("requested tier [A-Z_]{2,}<");

		page = staff.get("/staff/applications/" + rejected);
		staff.submit(page, "/staff/applications/" + rejected + "/rejection", Map.of("reason", "Outside Europe"));

		Api api = new Api(this.port).asStaff();
		assertThat(api.get("/api/applications/" + approved).text("status")).isEqualTo("APPROVED");
		assertThat(api.get("/api/applications/" + approved).json().path("decision").path("decidedBy").asString())
			.isEqualTo("staff");
		assertThat(api.get("/api/applications/" + rejected).text("status")).isEqualTo("REJECTED");

		Browser.Page again = staff.submit(staff.get("/staff"), "/staff/applications/" + rejected + "/rejection",
				Map.of("reason", "Twice"));
		assertThat(staff.get(again.location()).body()).contains("already been decided: rejected");
		assertThat(staff.get("/staff?status=REJECTED").body()).as("decided applications are listed too")
			.contains("/staff/applications/" + rejected);
		assertThat(staff.get("/staff").body()).doesNotContain("/staff/applications/" + rejected);
	}

	@Test
	void theConsoleLinksToEachServicesDeadLettersAndAnUnknownApplicationIsTheSharedNotFoundPage() {
		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);

		assertThat(staff.get("/staff").body()).contains("aria-label=\"Staff\"")
			.containsPattern("href=\"http[^\"]+/staff/dead-letters\">Dead letters: directory</a>")
			.containsPattern("href=\"http[^\"]+/staff/dead-letters\">Dead letters: notification</a>");
		Browser.Page missing = staff.get("/staff/applications/" + UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Not found</h1>", "There is no such application.", "Back to Staff");
		Browser.Page noStatus = new Browser(this.port)
			.get("/applications/" + UUID.randomUUID() + "/status?token=wrong");
		assertThat(noStatus.status()).isEqualTo(404);
		assertThat(noStatus.body()).contains("<h1>Not found</h1>", "check that you copied all of it");
	}

	private long rowsWith(String marker) {
		return this.jdbc.sql("SELECT COUNT(*) FROM membership_application WHERE org_description LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single();
	}

	private UUID submit() {
		return UUID
			.fromString(new Api(this.port).post("/api/applications", SampleApplications.clujItCluster()).text("id"));
	}

}
