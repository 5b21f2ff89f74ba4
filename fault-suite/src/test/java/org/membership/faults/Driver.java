package org.membership.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Drives flows over HTTP as applicants and staff would, spread over both onboarding
 * instances, a few at a time. A request that fails on the way (the instance died, the
 * connection dropped) or is answered 503 is sent again, to the other instance, with the
 * same {@code Idempotency-Key}, as a client following {@code Retry-After} would; every
 * answer is counted by kind, and a few answers are anomalies the tests assert are absent:
 * a 503 that is not problem details with {@code Retry-After}, an approval refused with
 * 503 that turns out to have happened (half done), any other unexpected status.
 */
final class Driver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/** How long one step of a flow is retried before the flow counts as failed. */
	private static final Duration RETRY_FOR = Duration.ofMinutes(4);

	private static final ZoneId ASSOCIATION_ZONE = ZoneId.of("Europe/Brussels");

	private final FaultStack stack;

	private final AtomicReference<String> token = new AtomicReference<>();

	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final LongAdder anomalies = new LongAdder();

	private final List<String> anomalyExamples = java.util.Collections.synchronizedList(new ArrayList<>());

	Driver(FaultStack stack) {
		this.stack = stack;
	}

	/** A batch of flows under way. */
	record Load(List<Flow> flows, AtomicInteger finished, CompletableFuture<Void> done) {

		int finishedCount() {
			return this.finished.get();
		}

		void await() {
			this.done.join();
		}

	}

	/** Starts {@code count} flows, {@code parallel} at a time; returns at once. */
	Load start(String fault, int count, int parallel) {
		List<Flow> flows = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			flows.add(new Flow(fault, i));
		}
		AtomicInteger finished = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(parallel);
		CompletableFuture<?>[] each = flows.stream().map((flow) -> CompletableFuture.runAsync(() -> {
			try {
				drive(flow);
			}
			finally {
				finished.incrementAndGet();
			}
		}, executor)).toArray(CompletableFuture[]::new);
		CompletableFuture<Void> done = CompletableFuture.allOf(each).whenComplete((ignored, ex) -> executor.shutdown());
		return new Load(flows, finished, done);
	}

	/** Submits and approves one flow, retrying what failed on the way. */
	void drive(Flow flow) {
		AtomicInteger attempt = new AtomicInteger(flow.number());
		try {
			await().atMost(RETRY_FOR)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> submit(flow, attempt.getAndIncrement() % 2));
		}
		catch (ConditionTimeoutException ex) {
			flow.failed("not submitted within " + RETRY_FOR);
			return;
		}
		if (!flow.isSubmitted()) {
			flow.failed("submission refused");
			return;
		}
		AtomicReference<Boolean> refusedBefore = new AtomicReference<>(false);
		try {
			await().atMost(RETRY_FOR)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> approve(flow, attempt.getAndIncrement() % 2, refusedBefore));
		}
		catch (ConditionTimeoutException ex) {
			flow.failed("not approved within " + RETRY_FOR);
		}
	}

	/** One submission attempt on onboarding instance {@code instance}; true when done. */
	boolean submit(Flow flow, int instance) {
		String body = """
				{
				  "organisation": { "name": "%s", "country": "BE", "city": "Brussels", "type": "ASSOCIATION" },
				  "requestedTier": "ASSOCIATE",
				  "contact": { "name": "Ada Peeters", "email": "%s" }
				}""".formatted(flow.organisation(), flow.contactEmail());
		HttpResponse<String> response = post(instance, "/api/applications", body, "submit",
				Map.of("Idempotency-Key", flow.idempotencyKey()), false);
		if (response == null) {
			return false;
		}
		// 201 created, 200 the same submission replayed (its Idempotency-Key was seen
		// before)
		if (response.statusCode() == 201 || response.statusCode() == 200) {
			flow.submitted(JSON.readTree(response.body()).get("id").asString());
			return true;
		}
		return !retryable(response, "submit");
	}

	/** One approval attempt; true when the flow is approved (or failed for good). */
	boolean approve(Flow flow, int instance, AtomicReference<Boolean> refusedBefore) {
		LocalDate effectiveFrom = (flow.number() % 2 == 0) ? LocalDate.now(ASSOCIATION_ZONE) : LocalDate.of(2024, 1, 1);
		HttpResponse<String> response = post(instance, "/api/applications/" + flow.applicationId() + "/approval",
				"{\"tier\": \"ASSOCIATE\", \"effectiveFrom\": \"" + effectiveFrom + "\"}", "approve", Map.of(), true);
		if (response == null) {
			refusedBefore.set(false);
			return false;
		}
		if (response.statusCode() == 200) {
			flow.approved();
			return true;
		}
		if (response.statusCode() == 409) {
			// an earlier attempt went through although its answer was lost on the way
			String status = status(flow, instance);
			if ("APPROVED".equals(status) || "EFFECTIVE".equals(status)) {
				if (refusedBefore.get()) {
					anomaly("approval of " + flow.applicationId() + " answered 503, yet it happened");
				}
				flow.approved();
				return true;
			}
			anomaly("approval of " + flow.applicationId() + " answered 409 in status " + status);
			flow.failed("409 in status " + status);
			return true;
		}
		if (response.statusCode() == 503) {
			refusedBefore.set(true);
		}
		return !retryable(response, "approve");
	}

	/** The application's status as staff see it, or null when that cannot be read now. */
	String status(Flow flow, int instance) {
		HttpResponse<String> response = send(instance,
				request(instance, "/api/applications/" + flow.applicationId(), true).GET(), "status");
		if (response == null || response.statusCode() != 200) {
			return null;
		}
		return JSON.readTree(response.body()).get("status").asString();
	}

	/**
	 * Whether a failed answer may be retried; a 503 must be problem details with
	 * {@code Retry-After}.
	 */
	private boolean retryable(HttpResponse<String> response, String step) {
		int status = response.statusCode();
		if (status == 503) {
			boolean problem = response.headers()
				.firstValue("Content-Type")
				.orElse("")
				.startsWith("application/problem+json");
			if (!problem || response.headers().firstValue("Retry-After").isEmpty()) {
				anomaly(step + " answered 503 without problem details and Retry-After: " + response.headers().map());
			}
			return true;
		}
		if (status == 401) {
			this.token.set(null);
			return true;
		}
		anomaly(step + " answered " + status + ": " + response.body());
		return false;
	}

	HttpResponse<String> post(int instance, String path, String json, String step, Map<String, String> headers,
			boolean asStaff) {
		HttpRequest.Builder request = request(instance, path, asStaff).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(instance, request, step);
	}

	private HttpRequest.Builder request(int instance, String path, boolean asStaff) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(this.stack.address(FaultStack.ONBOARDING, instance).resolve(path))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", "application/json");
		if (asStaff) {
			String bearer = staffToken(instance);
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
		}
		return request;
	}

	/**
	 * The answer, counted by step and status; null when the request failed on the way.
	 */
	private HttpResponse<String> send(int instance, HttpRequest.Builder request, String step) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			count(step + " " + response.statusCode());
			return response;
		}
		catch (IOException ex) {
			count(step + " " + ex.getClass().getSimpleName());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** A staff token from onboarding, bought with the staff password and kept. */
	private String staffToken(int instance) {
		String current = this.token.get();
		if (current != null) {
			return current;
		}
		String basic = Base64.getEncoder()
			.encodeToString(("staff:" + this.stack.staffPassword()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(this.stack.address(FaultStack.ONBOARDING, instance).resolve("/api/staff/token"))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return null;
			}
			JsonNode body = JSON.readTree(response.body());
			this.token.set(body.get("access_token").asString());
			return this.token.get();
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** A raw request to an onboarding instance, for the probes of a test. */
	HttpResponse<String> probe(int instance, String path, String json, boolean asStaff) {
		return post(instance, path, json, "probe", Map.of(), asStaff);
	}

	private void count(String answer) {
		this.answers.computeIfAbsent(answer, (key) -> new LongAdder()).increment();
	}

	private void anomaly(String what) {
		this.anomalies.increment();
		if (this.anomalyExamples.size() < 20) {
			this.anomalyExamples.add(what);
		}
	}

	/**
	 * Every answer since the last reset, by step and status, e.g. {@code submit 503=4}.
	 */
	Map<String, Long> answers() {
		Map<String, Long> counts = new TreeMap<>();
		this.answers.forEach((answer, count) -> counts.put(answer, count.sum()));
		return counts;
	}

	long anomalies() {
		return this.anomalies.sum();
	}

	List<String> anomalyExamples() {
		return List.copyOf(this.anomalyExamples);
	}

	void reset() {
		this.answers.clear();
		this.anomalies.reset();
		this.anomalyExamples.clear();
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	URI onboarding(int instance) {
		return this.stack.address(FaultStack.ONBOARDING, instance);
	}

}
