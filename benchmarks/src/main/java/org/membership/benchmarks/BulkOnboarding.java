package org.membership.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * P1 bulk onboarding: {@code organisations} applications submitted (16 at a time),
 * approved with a staff token through {@code POST /api/applications/approvals} (1,000 per
 * request, effective today, so each approval also makes the membership effective), then
 * followed until every one is listed by the directory, announced, and its three mails
 * (acknowledgement, approval, welcome) are in the mail directory. Sampled every second:
 * the throughput over time of the chart. Its baseline is the rate of the submissions
 * alone, the front door of the same flows.
 */
final class BulkOnboarding {

	static final String SCENARIO = "P1 bulk onboarding";

	/** Issue 12: at least 150 flows/s with every mail delivered. */
	static final double TARGET = 150;

	static final int MAILS_PER_FLOW = 3;

	private final StackClient client;

	private final MailDirectory mails;

	private final String token;

	private final int users;

	BulkOnboarding(StackClient client, MailDirectory mails, String token, int users) {
		this.client = client;
		this.mails = mails;
		this.token = token;
		this.users = users;
	}

	/**
	 * A second of the run: what was done by then.
	 *
	 * @param second seconds since the first submission
	 */
	record Sample(double second, long submitted, long approved, long listed, long announced, long mails) {
	}

	/**
	 * The outcome.
	 *
	 * @param organisations the flows started
	 * @param submissionSeconds from the first submission to the last answer
	 * @param approvalSeconds from then to the last bulk answer
	 * @param lastListed seconds from the start until all were listed ({@code -1}: not
	 * all)
	 * @param lastAnnounced the same for the announcements
	 * @param lastMail the same for the mails
	 * @param mails the mails found (files)
	 * @param distinctMails their distinct Message-IDs
	 * @param duplicatedMails Message-IDs found more than once
	 */
	record Outcome(int organisations, double submissionSeconds, double approvalSeconds, double lastListed,
			double lastAnnounced, double lastMail, long mails, long distinctMails, long duplicatedMails,
			List<Sample> samples) {

		boolean complete() {
			return this.lastMail >= 0 && this.lastListed >= 0 && this.lastAnnounced >= 0;
		}

		long lostMails() {
			return Math.max(0, (long) this.organisations * MAILS_PER_FLOW - this.distinctMails);
		}

	}

	Outcome run(int organisations, Duration timeout) throws Exception {
		String marker = "p1" + ReferenceStory.run();
		long listedBefore = this.client.total(this.client.directory(), "/api/members");
		long announcedBefore = this.client.total(this.client.notification(), "/api/announcements");
		List<Sample> samples = new ArrayList<>();
		long[] progress = new long[2];
		long start = System.nanoTime();
		Thread sampler = Thread.ofPlatform().daemon().name("p1-sampler").start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Sample sample = new Sample(seconds(start), progress[0], progress[1],
							this.client.total(this.client.directory(), "/api/members") - listedBefore,
							this.client.total(this.client.notification(), "/api/announcements") - announcedBefore,
							this.mails.count(marker));
					synchronized (samples) {
						samples.add(sample);
					}
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// a sample missed; the next one counts again
				}
			}
		});
		List<String> ids = new ArrayList<>(organisations);
		try (ExecutorService submitters = Executors.newFixedThreadPool(this.users)) {
			List<Future<String>> submitted = new ArrayList<>();
			for (int i = 0; i < organisations; i++) {
				String application = ReferenceStory.application(marker + "-" + i);
				submitted.add(submitters.submit(() -> {
					String id = this.client.post(this.client.onboarding(), "/api/applications", null, application, 201)
						.get("id")
						.asString();
					synchronized (progress) {
						progress[0]++;
					}
					return id;
				}));
			}
			for (Future<String> id : submitted) {
				ids.add(id.get());
			}
		}
		double submissionSeconds = seconds(start);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
		for (int from = 0; from < ids.size(); from += 1000) {
			String body = ids.subList(from, Math.min(ids.size(), from + 1000))
				.stream()
				.map((id) -> "{\"id\":\"" + id + "\",\"tier\":\"FULL\",\"effectiveFrom\":\"" + today + "\"}")
				.collect(Collectors.joining(",", "[", "]"));
			JsonNode results = this.client.post(this.client.onboarding(), "/api/applications/approvals", this.token,
					body, 200);
			JsonNode items = results.isArray() ? results : results.path("results");
			for (JsonNode item : items) {
				if (item.hasNonNull("status")) {
					progress[1]++;
				}
			}
		}
		double approvalSeconds = seconds(start) - submissionSeconds;
		long expectedMails = (long) organisations * MAILS_PER_FLOW;
		double lastListed = -1;
		double lastAnnounced = -1;
		double lastMail = -1;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && (lastListed < 0 || lastAnnounced < 0 || lastMail < 0)) {
			if (lastListed < 0
					&& this.client.total(this.client.directory(), "/api/members") - listedBefore >= organisations) {
				lastListed = seconds(start);
			}
			if (lastAnnounced < 0 && this.client.total(this.client.notification(), "/api/announcements")
					- announcedBefore >= organisations) {
				lastAnnounced = seconds(start);
			}
			if (lastMail < 0 && this.mails.count(marker) >= expectedMails) {
				lastMail = seconds(start);
			}
			Thread.sleep(200);
		}
		// a little longer: a duplicate sent after the last expected mail would show now
		Thread.sleep(2000);
		sampler.interrupt();
		sampler.join();
		Map<String, Integer> perMessageId = this.mails.perMessageId(marker);
		long files = perMessageId.values().stream().mapToLong(Integer::longValue).sum();
		long duplicated = perMessageId.values().stream().filter((count) -> count > 1).count();
		synchronized (samples) {
			return new Outcome(organisations, submissionSeconds, approvalSeconds, lastListed, lastAnnounced, lastMail,
					files, perMessageId.size(), duplicated, List.copyOf(samples));
		}
	}

	List<Results.Figure> figures(Outcome outcome) {
		List<Results.Figure> figures = new ArrayList<>();
		double submissions = outcome.organisations() / outcome.submissionSeconds();
		if (outcome.lastMail() > 0) {
			double flows = outcome.organisations() / outcome.lastMail();
			figures.add(Results.Figure.of(SCENARIO,
					"flows end to end (" + outcome.organisations() + ", every mail delivered)", flows, "flows/s",
					"submissions alone", submissions, "≥ 150 flows/s", flows >= TARGET));
			figures.add(Results.Figure.of(SCENARIO, "last mail after the first submission", outcome.lastMail(), "s",
					null, null, String.format(Locale.ROOT, "≤ %.1f s", outcome.organisations() / TARGET),
					flows >= TARGET));
		}
		else {
			figures.add(Results.Figure.of(SCENARIO,
					"mails delivered of " + outcome.organisations() * MAILS_PER_FLOW + " (timed out)",
					outcome.distinctMails(), "mails", null, null, "all", false));
		}
		if (outcome.lastListed() > 0) {
			figures.add(Results.Figure.of(SCENARIO, "listed end to end", outcome.organisations() / outcome.lastListed(),
					"flows/s", "submissions alone", submissions, null, null));
		}
		if (outcome.lastAnnounced() > 0) {
			figures.add(Results.Figure.of(SCENARIO, "announced end to end",
					outcome.organisations() / outcome.lastAnnounced(), "flows/s", "submissions alone", submissions,
					null, null));
		}
		figures
			.add(Results.Figure.of(SCENARIO, "mails lost / duplicated", outcome.lostMails() + outcome.duplicatedMails(),
					"mails", null, null, "0", outcome.lostMails() + outcome.duplicatedMails() == 0));
		return figures;
	}

	Map<String, Object> series(Outcome outcome) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("organisations", outcome.organisations());
		series.put("submissionSeconds", outcome.submissionSeconds());
		series.put("approvalSeconds", outcome.approvalSeconds());
		series.put("lastListed", outcome.lastListed());
		series.put("lastAnnounced", outcome.lastAnnounced());
		series.put("lastMail", outcome.lastMail());
		series.put("mails", outcome.mails());
		series.put("distinctMails", outcome.distinctMails());
		series.put("duplicatedMails", outcome.duplicatedMails());
		series.put("lostMails", outcome.lostMails());
		series.put("samples", outcome.samples());
		return series;
	}

	private static double seconds(long start) {
		return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
	}

}
