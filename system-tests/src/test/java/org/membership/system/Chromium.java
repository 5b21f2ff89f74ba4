package org.membership.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for one test class: Debian's {@code chromium} driven through its
 * {@code chromedriver} (both from apt; Selenium Manager can download nothing here).
 * Without them the class is skipped with the reason, unless
 * {@code -Dbrowser.tests.required=true} (CI), where that is a failure. When a test fails,
 * a screenshot of the page lands in {@code target/browser-screenshots/}.
 */
final class Chromium implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, TestWatcher {

	static final Path BROWSER = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	/** axe-core impacts that fail a page. */
	private static final List<String> BLOCKING = List.of("serious", "critical");

	private WebDriver driver;

	/**
	 * Skips the class, with the reason in the report, when there is no browser and none
	 * is required; where one is required, {@link #beforeAll} fails instead.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		if (missing == null || Boolean.getBoolean("browser.tests.required")) {
			return ConditionEvaluationResult.enabled("browser tests");
		}
		System.err.println(missing + ": skipped");
		return ConditionEvaluationResult.disabled(missing + ": skipped");
	}

	private static String missing() {
		if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
			return null;
		}
		return "Browser tests need " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		String missing = missing();
		if (missing != null) {
			Assertions.fail(missing + ", and -Dbrowser.tests.required=true");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en");
		if ("root".equals(System.getProperty("user.name"))) {
			// Chromium refuses to sandbox itself as root
			options.addArguments("--no-sandbox");
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(1280, 900));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (this.driver == null) {
			return;
		}
		try {
			Path directory = Path.of("target", "browser-screenshots");
			Files.createDirectories(directory);
			Path file = directory.resolve(context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName() + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			System.err.println(
					"Screenshot of the failed page (" + this.driver.getCurrentUrl() + "): " + file.toAbsolutePath());
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("No screenshot: " + ex);
		}
	}

	/**
	 * Keeps a screenshot of the page shown under
	 * {@code target/browser-screenshots/pages/}, for a person to look at the pages the
	 * tests saw.
	 */
	void keepScreenshot(String name) {
		try {
			Path directory = Path.of("target", "browser-screenshots", "pages");
			Files.createDirectories(directory);
			Files.write(directory.resolve(name + ".png"),
					((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			System.err.println("No screenshot: " + ex);
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * The serious and critical axe-core violations of the page shown, one line each;
	 * empty when there are none.
	 */
	List<String> accessibilityViolations() {
		Results results = new AxeBuilder().analyze(this.driver);
		if (results.isErrored() || results.getPasses() == null || results.getPasses().isEmpty()) {
			// an empty list must mean "checked, nothing found", not "axe did not run"
			throw new IllegalStateException(
					"axe-core did not check " + this.driver.getCurrentUrl() + ": " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter((rule) -> rule.getImpact() != null && BLOCKING.contains(rule.getImpact().toLowerCase(Locale.ROOT)))
			.map(Chromium::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

}
