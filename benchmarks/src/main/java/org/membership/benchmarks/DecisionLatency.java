package org.membership.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.membership.events.Topics;

/**
 * P2 decision latency: approvals (one request each, a staff token, effective today) at a
 * fixed arrival rate; for each, the time from sending it until the directory lists the
 * member ({@code GET /api/members/{id}} polled every 5 ms, later every tenth of the time
 * waited, so a figure is at most 10 % late) and until its {@code AnnouncementPublished}
 * is on the topic (a consumer of this JVM, keyed by application id). The baseline: a
 * record produced and consumed on the same broker at the same rate, the least any
 * event-driven step can take here.
 * <p>
 * Both start with an unmeasured warm-up at the same rate: the single-approval path runs
 * for the first time in the stack's life here (P1 approves in bulk), and its first second
 * (code not yet compiled, connections not yet open) would otherwise be most of the p99.
 * Every approval of the warm-up must still be listed and announced.
 */
final class DecisionLatency {

	static final String SCENARIO = "P2 decision latency";

	static final String ROUND_TRIP_TOPIC = "benchmarks.round-trip";

	/** Issue 12: p99 of approval → listed at most 100 ms at 20 approvals/s. */
	static final double TARGET_P99_MILLIS = 100;

	private final StackClient client;

	private final String token;

	private final String bootstrapServers;

	DecisionLatency(StackClient client, String token, String bootstrapServers) {
		this.client = client;
		this.token = token;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Latencies in microseconds.
	 *
	 * @param approvals approvals sent
	 * @param failedApprovals approvals not answered 200
	 * @param notListed approvals whose member was not listed within the time-out
	 * @param notAnnounced approvals without an AnnouncementPublished within the time-out
	 */
	record Outcome(int approvals, long failedApprovals, long notListed, long notAnnounced, Histogram listed,
			Histogram announced, Histogram roundTrip) {

		boolean complete() {
			return this.failedApprovals == 0 && this.notListed == 0 && this.notAnnounced == 0;
		}

	}

	Outcome run(int perSecond, Duration duration, Duration warmUp) throws Exception {
		int warm = (int) (perSecond * warmUp.toSeconds());
		int count = warm + (int) (perSecond * duration.toSeconds());
		Histogram roundTrip = roundTrip(perSecond, warm, count);
		List<String> ids = new OnboardingClient(this.client.onboarding()).submitApplications(count, 16);
		Set<String> measured = Set.copyOf(ids.subList(warm, count));
		Map<String, Long> announcedAt = new ConcurrentHashMap<>();
		AtomicBoolean consuming = new AtomicBoolean(true);
		CountDownLatch assigned = new CountDownLatch(1);
		Thread consumer = Thread.ofPlatform().daemon().name("p2-announcements").start(() -> {
			try (KafkaConsumer<String, byte[]> announcements = consumer(ByteArrayDeserializer.class)) {
				List<TopicPartition> partitions = announcements.partitionsFor(Topics.ANNOUNCEMENT_PUBLISHED)
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				announcements.assign(partitions);
				announcements.seekToEnd(partitions);
				partitions.forEach(announcements::position);
				assigned.countDown();
				while (consuming.get()) {
					for (ConsumerRecord<String, byte[]> record : announcements.poll(Duration.ofMillis(50))) {
						announcedAt.putIfAbsent(record.key(), System.nanoTime());
					}
				}
			}
		});
		assigned.await(60, TimeUnit.SECONDS);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
		String body = "{\"tier\":\"FULL\",\"effectiveFrom\":\"" + today + "\"}";
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		Map<String, Long> listedAt = new ConcurrentHashMap<>();
		AtomicLong failed = new AtomicLong();
		CountDownLatch done = new CountDownLatch(count);
		long timeout = Duration.ofSeconds(60).toNanos();
		try (ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor()) {
			long interval = 1_000_000_000L / perSecond;
			for (int i = 0; i < count; i++) {
				String id = ids.get(i);
				arrivals.schedule(() -> Thread.ofVirtual().start(() -> {
					try {
						long sent = System.nanoTime();
						sentAt.put(id, sent);
						this.client.post(this.client.onboarding(), "/api/applications/" + id + "/approval", this.token,
								body, 200);
						while (System.nanoTime() - sent < timeout) {
							if (this.client.exists(this.client.directory(), "/api/members/" + id)) {
								listedAt.put(id, System.nanoTime());
								break;
							}
							// every 5 ms at first, then a tenth of the time waited so far
							// (at most
							// 100 ms): at most 10 % late, without the polls of slow
							// approvals
							// loading the directory they measure
							Thread.sleep(Math.clamp((System.nanoTime() - sent) / 10_000_000, 5, 100));
						}
					}
					catch (RuntimeException ex) {
						failed.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						done.countDown();
					}
				}), i * interval, TimeUnit.NANOSECONDS);
			}
			done.await();
		}
		long deadline = System.nanoTime() + timeout;
		while (System.nanoTime() < deadline && !announcedAt.keySet().containsAll(sentAt.keySet())) {
			Thread.sleep(50);
		}
		consuming.set(false);
		consumer.join();
		Histogram listed = new Histogram(3);
		Histogram announced = new Histogram(3);
		sentAt.forEach((id, sent) -> {
			if (!measured.contains(id)) {
				return;
			}
			Long atListed = listedAt.get(id);
			if (atListed != null) {
				listed.recordValue((atListed - sent) / 1000);
			}
			Long atAnnounced = announcedAt.get(id);
			if (atAnnounced != null) {
				announced.recordValue(Math.max(0, atAnnounced - sent) / 1000);
			}
		});
		return new Outcome(count, failed.get(), ids.stream().filter((id) -> !listedAt.containsKey(id)).count(),
				ids.stream().filter((id) -> !announcedAt.containsKey(id)).count(), listed, announced, roundTrip);
	}

	/**
	 * Produce → consume on the same broker at the same rate, in microseconds:
	 * {@code count} records, the first {@code warm} unmeasured.
	 */
	private Histogram roundTrip(int perSecond, int warm, int count) throws Exception {
		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		try (Admin topics = Admin.create(admin)) {
			if (!topics.listTopics().names().get().contains(ROUND_TRIP_TOPIC)) {
				topics.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1))).all().get();
			}
		}
		Properties producerSettings = new Properties();
		producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
		producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		Histogram latencies = new Histogram(3);
		Map<String, Long> sent = new ConcurrentHashMap<>();
		Set<String> measured = new HashSet<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer(ByteArrayDeserializer.class);
				KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
						new StringSerializer())) {
			TopicPartition partition = new TopicPartition(ROUND_TRIP_TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToEnd(List.of(partition));
			consumer.position(partition);
			long start = System.nanoTime();
			long interval = 1_000_000_000L / perSecond;
			int produced = 0;
			long deadline = start + count * interval + Duration.ofSeconds(30).toNanos();
			while (latencies.getTotalCount() < count - warm && System.nanoTime() < deadline) {
				while (produced < count && System.nanoTime() - start >= produced * interval) {
					String key = UUID.randomUUID().toString();
					if (produced >= warm) {
						measured.add(key);
					}
					sent.put(key, System.nanoTime());
					producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, key, key));
					produced++;
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(1))) {
					Long at = sent.remove(record.key());
					if (at != null && measured.contains(record.key())) {
						latencies.recordValue((System.nanoTime() - at) / 1000);
					}
				}
			}
		}
		return latencies;
	}

	private <V> KafkaConsumer<String, V> consumer(Class<?> valueDeserializer) {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName());
		settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
		return new KafkaConsumer<>(settings);
	}

	List<Results.Figure> figures(Outcome outcome) {
		double baseline = millis(outcome.roundTrip().getValueAtPercentile(99));
		List<Results.Figure> figures = new ArrayList<>();
		if (outcome.listed().getTotalCount() > 0) {
			double p99 = millis(outcome.listed().getValueAtPercentile(99));
			figures.add(Results.Figure.of(SCENARIO, "approval → listed, p99", p99, "ms", "Kafka round trip p99",
					baseline, "≤ 100 ms", p99 <= TARGET_P99_MILLIS));
			figures.add(Results.Figure.of(SCENARIO, "approval → listed, p50",
					millis(outcome.listed().getValueAtPercentile(50)), "ms", "Kafka round trip p50",
					millis(outcome.roundTrip().getValueAtPercentile(50)), null, null));
		}
		if (outcome.announced().getTotalCount() > 0) {
			figures.add(Results.Figure.of(SCENARIO, "approval → AnnouncementPublished, p99",
					millis(outcome.announced().getValueAtPercentile(99)), "ms", "Kafka round trip p99", baseline, null,
					null));
		}
		figures.add(Results.Figure.of(SCENARIO, "approvals failed / not listed / not announced",
				outcome.failedApprovals() + outcome.notListed() + outcome.notAnnounced(), "of " + outcome.approvals(),
				null, null, "0", outcome.complete()));
		return figures;
	}

	Map<String, Object> series(Outcome outcome, int perSecond, Duration duration, Duration warmUp) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("approvalsPerSecond", perSecond);
		series.put("warmUpSeconds", warmUp.toSeconds());
		series.put("seconds", duration.toSeconds());
		series.put("approvals", outcome.approvals());
		series.put("failedApprovals", outcome.failedApprovals());
		series.put("notListed", outcome.notListed());
		series.put("notAnnounced", outcome.notAnnounced());
		series.put("approval → listed", percentiles(outcome.listed()));
		series.put("approval → AnnouncementPublished", percentiles(outcome.announced()));
		series.put("Kafka round trip", percentiles(outcome.roundTrip()));
		return series;
	}

	/** p50, p90, p99, p99.9 and max in milliseconds. */
	static Map<String, Double> percentiles(Histogram micros) {
		Map<String, Double> values = new LinkedHashMap<>();
		if (micros.getTotalCount() == 0) {
			return values;
		}
		values.put("p50", millis(micros.getValueAtPercentile(50)));
		values.put("p90", millis(micros.getValueAtPercentile(90)));
		values.put("p99", millis(micros.getValueAtPercentile(99)));
		values.put("p99.9", millis(micros.getValueAtPercentile(99.9)));
		values.put("max", millis(micros.getMaxValue()));
		return values;
	}

	private static double millis(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}

}
