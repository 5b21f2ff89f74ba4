package org.membership.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.membership.events.Topics;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages as a person uses them, in a real (headless) browser, with the three services
 * running as {@code ./run-local} runs them: the form (inline errors, then success), the
 * staff login and console, the approval, the member in the directory, its announcement
 * and the feed; the dead-letter pages of the directory and notification-service, reached
 * from the console, with a replay that still fails; an applicant's withdrawal and a new
 * status link; staff's announcement drafts, the editor and the preview of a draft. Every
 * page visited shares the layout (header, navigation, stylesheet applied) and has no
 * serious or critical axe-core violation.
 */
class BrowserStoryTests {

	@RegisterExtension
	@Order(1)
	static final Chromium chromium = new Chromium();

	@RegisterExtension
	@Order(2)
	static final LocalSystem system = new LocalSystem("membership-browser");

	@Test
	void anApplicantAppliesStaffApprovesAndThePublicSeesTheMemberAndItsAnnouncement() throws Exception {
		WebDriver browser = chromium.driver();
		PublicApi api = system.api();
		String name = "Browser Cluster " + Long.toHexString(System.nanoTime());

		// the form: nothing filled in gives sentences next to the fields, no validator
		// jargon
		browser.get(api.onboarding() + "/");
		checkPage(browser, "Apply");
		clickThrough(browser, browser.findElement(By.cssSelector("form[method=post] button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
			.contains("Please correct the fields marked below");
		assertThat(browser.findElements(By.cssSelector("span.error")).stream().map(WebElement::getText))
			.contains("Enter the organisation's name.", "Choose a membership tier.")
			.noneMatch((message) -> message.contains("must not be"));
		checkPage(browser, "Apply");

		// ... filled in, it is received
		fillInTheFormAndSend(browser, name, "browser@example.org");
		checkPage(browser, "Apply");
		clickThrough(browser, browser.findElement(By.id("status-link")));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Submitted");
		checkPage(browser, "Apply");

		// staff log in on the login page in the common look, and approve in the console
		navigate(browser, "Staff");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff login");
		checkPage(browser, "Staff");
		browser.findElement(By.id("username")).sendKeys("staff");
		browser.findElement(By.id("password")).sendKeys(api.staffPassword());
		clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Applications awaiting a decision");
		checkPage(browser, "Staff");
		clickThrough(browser, browser.findElement(By.linkText(name)));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Submitted");
		checkPage(browser, "Staff");
		new Select(browser.findElement(By.id("tier"))).selectByValue("FULL");
		// a past date takes effect at once (set as the date picker's value, whatever its
		// locale)
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-01-01'",
				browser.findElement(By.id("effectiveFrom")));
		clickThrough(browser, browser.findElement(By.xpath("//button[text()='Approve']")));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Approved " + name);
		new Select(browser.findElement(By.id("status"))).selectByValue("ALL");
		clickThrough(browser, browser.findElement(By.xpath("//button[text()='Show']")));
		assertThat(browser.findElement(By.linkText(name)).isDisplayed()).as("decided applications are listed").isTrue();

		// the public finds the member in the directory (the query stays in the URL) ...
		navigate(browser, "Members");
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			browser.get(api.directory() + "/members?q=" + name.replace(' ', '+'));
			assertThat(browser.findElements(By.linkText(name))).isNotEmpty();
		});
		assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(name);
		checkPage(browser, "Members");
		clickThrough(browser, browser.findElement(By.linkText(name)));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		checkPage(browser, "Members");
		String announcementOfMember = browser.findElement(By.id("announcement-link")).getAttribute("href");

		// ... and its announcement, a press release, linked to the feed
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			browser.get(announcementOfMember);
			assertThat(browser.findElement(By.tagName("h1")).getText())
				.isEqualTo("DIGITAL SME welcomes " + name + " as a Full Member");
		});
		assertThat(browser.findElement(By.cssSelector(".dateline")).getText()).startsWith("BRUSSELS");
		assertThat(browser.findElements(By.cssSelector(".highlights li"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector(".boilerplate h2")).getText()).startsWith("About the");
		checkPage(browser, "Announcements");
		String feed = browser.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
			.getAttribute("href");
		assertThat(feed).isEqualTo(api.notification() + "/announcements.atom");
		HttpResponse<String> atom = PublicApi.get(api.notification(), "/announcements.atom");
		assertThat(atom.body()).contains("DIGITAL SME welcomes " + name + " as a Full Member");
		navigate(browser, "Announcements");
		assertThat(browser.findElement(By.linkText("DIGITAL SME welcomes " + name + " as a Full Member")).isDisplayed())
			.isTrue();
		checkPage(browser, "Announcements");
	}

	@Test
	void anApplicantWithdrawsFromTheStatusPageAndAsksForANewStatusLink() {
		WebDriver browser = chromium.driver();
		PublicApi api = system.api();
		String name = "Withdrawing Cluster " + Long.toHexString(System.nanoTime());
		browser.get(api.onboarding() + "/");
		fillInTheFormAndSend(browser, name, "withdrawing@example.org");
		String reference = browser.findElement(By.id("reference")).getText();

		// the status page's button asks for a confirmation on a page of its own
		clickThrough(browser, browser.findElement(By.id("status-link")));
		clickThrough(browser, browser.findElement(By.cssSelector("form#withdraw button[type=submit]")));
		assertThat(heading(browser)).isEqualTo("Withdraw the application of " + name + "?");
		checkPage(browser, "Apply");
		browser.findElement(By.id("reason")).sendKeys("We join through our national association.");
		clickThrough(browser, browser.findElement(By.xpath("//button[text()='Yes, withdraw the application']")));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Your application has been withdrawn.");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Withdrawn");
		assertThat(browser.findElements(By.id("withdraw"))).as("no second withdrawal").isEmpty();
		checkPage(browser, "Apply");

		// a lost status link: a new one asked for with the reference (last: the new link
		// ends the old one)
		browser.get(api.onboarding() + "/status-link");
		assertThat(heading(browser)).isEqualTo("A new link to your application's status");
		checkPage(browser, "Apply");
		clickThrough(browser, browser.findElement(By.xpath("//button[text()='Send me a new link']")));
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
			.contains("Please correct the fields marked below");
		assertThat(browser.findElements(By.cssSelector("span.error"))).hasSize(2);
		checkPage(browser, "Apply");
		browser.findElement(By.id("reference")).sendKeys(reference);
		browser.findElement(By.id("email")).sendKeys("withdrawing@example.org");
		clickThrough(browser, browser.findElement(By.xpath("//button[text()='Send me a new link']")));
		assertThat(browser.findElement(By.id("requested")).getText()).contains("a new status link is on its way");
		assertThat(browser.findElements(By.cssSelector("span.error"))).isEmpty();
		checkPage(browser, "Apply");
	}

	@Test
	void staffOpenTheDraftOfAnApprovalInTheEditorAndPreviewIt() throws Exception {
		WebDriver browser = chromium.driver();
		PublicApi api = system.api();
		String name = "Draft Cluster " + Long.toHexString(System.nanoTime());
		String id = api.submit(name, "draft@example.org");
		// effective in a month: the draft stays a draft until then (or until published)
		HttpResponse<String> approval = api.approve(id, "ASSOCIATE", LocalDate.now().plusMonths(1));
		assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

		browser.get(api.onboarding() + "/staff");
		logInIfAsked(browser, api);
		followStaffLink(browser, api, "Announcement drafts");
		String draftRow = "//tr[td[text()='" + name + "']]";
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			browser.navigate().refresh();
			assertThat(heading(browser)).isEqualTo("Announcement drafts");
			assertThat(browser.findElements(By.xpath(draftRow))).isNotEmpty();
		});
		assertThat(browser.findElement(By.xpath(draftRow + "//span[contains(@class,'badge')]")).getText())
			.isEqualTo("Draft");
		checkPage(browser, "Staff");

		clickThrough(browser, browser.findElement(By.xpath(draftRow + "//a")));
		assertThat(heading(browser)).isEqualTo("Announcement of " + name);
		checkPage(browser, "Staff");

		// the preview is the public page's own template, in its section
		clickThrough(browser, browser.findElement(By.linkText("Preview the public page")));
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
			.startsWith("Preview: not published yet");
		assertThat(heading(browser)).contains(name);
		checkPage(browser, "Announcements");
	}

	@Test
	void staffFollowTheConsoleToEachServicesDeadLettersAndReplayOne() throws Exception {
		WebDriver browser = chromium.driver();
		PublicApi api = system.api();
		String key = "browser-poison-" + Long.toHexString(System.nanoTime());
		// a record both the directory and notification-service consume, and cannot read
		send(Topics.MEMBERSHIP_EFFECTIVE, key, "not an event".getBytes(StandardCharsets.UTF_8));

		browser.get(api.onboarding() + "/staff");
		logInIfAsked(browser, api);
		for (String service : List.of("directory", "notification")) {
			followStaffLink(browser, api, "Dead letters: " + service);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(browser.findElement(By.tagName("h1")).getText())
					.isEqualTo("Dead letters of " + service + "-service"));
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.navigate().refresh();
				assertThat(browser.findElements(By.xpath("//tr[td[text()='" + key + "']]"))).isNotEmpty();
			});
			checkPage(browser, "Staff");
			clickThrough(browser,
					browser.findElement(By.xpath("//tr[td[text()='" + key + "']]//button[text()='Replay']")));
			assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
				.startsWith("Still failing, not replayed");
			checkPage(browser, "Staff");
		}
	}

	@Test
	void eachServiceRootLeadsToItsPageAndEveryPageFitsA360PixelScreen() {
		WebDriver browser = chromium.driver();
		PublicApi api = system.api();
		browser.get(api.directory() + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/members");
		browser.get(api.notification() + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/announcements");
		browser.manage().window().setSize(new Dimension(360, 740));
		try {
			for (String page : List.of(api.onboarding() + "/", api.onboarding() + "/login",
					api.directory() + "/members", api.notification() + "/announcements")) {
				browser.get(page);
				chromium
					.keepScreenshot("360px" + page.replaceAll("^https?://[^/]+", "").replaceAll("[^A-Za-z0-9]+", "-"));
				Long overflow = (Long) ((JavascriptExecutor) browser)
					.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
				assertThat(overflow).as("no sideways scrolling at 360 px: " + page).isLessThanOrEqualTo(0L);
				checkLayout(browser);
			}
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/** Fills in the application form (the page shown) and sends it: it is received. */
	private static void fillInTheFormAndSend(WebDriver browser, String name, String email) {
		browser.findElement(By.id("organisation.name")).sendKeys(name);
		new Select(browser.findElement(By.id("organisation.country"))).selectByValue("RO");
		browser.findElement(By.id("organisation.city")).sendKeys("Cluj-Napoca");
		new Select(browser.findElement(By.id("organisation.type"))).selectByVisibleText("Cluster");
		new Select(browser.findElement(By.id("requestedTier"))).selectByValue("FULL");
		browser.findElement(By.id("contact.name")).sendKeys("Andrei Kelemen");
		browser.findElement(By.id("contact.email")).sendKeys(email);
		clickThrough(browser, browser.findElement(By.cssSelector("form[method=post] button[type=submit]")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("your application has been received");
	}

	/**
	 * Follows a link of the staff navigation to another service's page (opened with get,
	 * which waits for that page) and logs in there: each service has its own session, its
	 * login page in the common look.
	 */
	private static void followStaffLink(WebDriver browser, PublicApi api, String link) {
		browser.get(browser.findElement(By.cssSelector("nav.staff-nav"))
			.findElement(By.linkText(link))
			.getAttribute("href"));
		logInIfAsked(browser, api);
	}

	/** Logs in as staff when the page is the login page. */
	private static void logInIfAsked(WebDriver browser, PublicApi api) {
		if (!heading(browser).equals("Staff login")) {
			return;
		}
		checkPage(browser, "Staff");
		browser.findElement(By.id("username")).sendKeys("staff");
		browser.findElement(By.id("password")).sendKeys(api.staffPassword());
		clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	/**
	 * The page's heading, once a page is there: a click on a link to another service
	 * returns before that page has loaded.
	 */
	private static String heading(WebDriver browser) {
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> browser.findElement(By.tagName("h1")).getText(), (text) -> !text.isBlank());
	}

	private static void send(String topic, String key, byte[] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().broker().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Clicks a link or a form's button and waits until the browser has left the page and
	 * loaded the next: a click returns as soon as it is dispatched, and an element looked
	 * up before the navigation has begun belongs to the old page.
	 */
	private static void clickThrough(WebDriver browser, WebElement target) {
		WebElement page = browser.findElement(By.tagName("html"));
		target.click();
		await().atMost(Duration.ofSeconds(30)).until(() -> ExpectedConditions.stalenessOf(page).apply(browser));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ((JavascriptExecutor) browser).executeScript("return document.readyState"),
					"complete"::equals);
	}

	/** Follows the shared navigation to a section. */
	private static void navigate(WebDriver browser, String section) {
		clickThrough(browser, browser.findElement(By.cssSelector("nav.site-nav")).findElement(By.linkText(section)));
	}

	private static int pages;

	/**
	 * The shared layout, the current section marked, and no serious accessibility issue.
	 */
	private static void checkPage(WebDriver browser, String section) {
		chromium.keepScreenshot(String.format("%02d-%s", ++pages,
				browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[^A-Za-z0-9]+", "-")));
		checkLayout(browser);
		assertThat(browser.findElement(By.cssSelector("nav.site-nav a[aria-current=page]")).getText())
			.as(browser.getCurrentUrl())
			.isEqualTo(section);
		assertThat(chromium.accessibilityViolations()).as("axe-core on " + browser.getCurrentUrl()).isEmpty();
	}

	private static void checkLayout(WebDriver browser) {
		String page = browser.getCurrentUrl();
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(page).isEqualTo("en");
		assertThat(browser.findElement(By.cssSelector("a.skip-link")).getAttribute("href")).as(page).endsWith("#main");
		assertThat(browser.findElement(By.cssSelector("header.site-header .site-name")).getText()).as(page)
			.contains("European DIGITAL SME Alliance");
		assertThat(browser.findElements(By.cssSelector("nav.site-nav a")).stream().map(WebElement::getText)).as(page)
			.containsExactly("Apply", "Members", "Announcements", "Staff");
		assertThat(browser.findElements(By.cssSelector("main#main"))).as(page).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("footer.site-footer"))).as(page).hasSize(1);
		// the stylesheet is loaded and applied: the header has the association's colour
		assertThat(browser.findElement(By.cssSelector("header.site-header")).getCssValue("background-color")).as(page)
			.isEqualTo("rgba(18, 53, 91, 1)");
	}

}
