package org.membership.stack.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person with a browser, for the services' page tests: keeps cookies (the session),
 * fills in forms with their CSRF token, does not follow redirects by itself.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public Browser(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(absolute(path))).GET().header("Accept", "text/html"));
	}

	/** Posts a form as the page's form would, with its CSRF token. */
	public Page submit(Page form, String action, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		String token = form.csrfToken();
		if (token != null) {
			all.put("_csrf", token);
		}
		return post(action, all);
	}

	/** Posts a form without a CSRF token (or with the one given in the fields). */
	public Page post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(absolute(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Logs in through the login form. */
	public Page logIn(String user, String password) {
		Page login = get("/login");
		return submit(login, "/login", Map.of("username", user, "password", password));
	}

	private String absolute(String path) {
		return path.startsWith("http") ? path : this.base + path;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A page as received. */
	public record Page(int status, String location, String body) {

		public String csrfToken() {
			Matcher matcher = CSRF.matcher(this.body);
			return matcher.find() ? matcher.group(1) : null;
		}

		@Override
		public String toString() {
			return this.status + " " + ((this.location != null) ? "-> " + this.location : this.body);
		}

	}

}
