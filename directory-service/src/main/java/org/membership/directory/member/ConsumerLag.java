package org.membership.directory.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.membership.events.Topics;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Consumer lag of the directory's group, computed from the group's committed offsets and
 * the partitions' end offsets: how many records the directory has not applied yet. A
 * gauge {@code membership.directory.consumer.lag} per topic (refreshed at most every few
 * seconds, errors read as -1) and the listeners' health read it. The Kafka client's own
 * {@code kafka.consumer.fetch.manager.records.lag*} meters are there too (Boot binds
 * them), but only while a consumer is assigned. The rebuild also borrows its admin client
 * and partition list to read the end offsets its replay stops at.
 */
@Component
public class ConsumerLag implements DisposableBean {

	/**
	 * The topics this service consumes (the contract's list for its group): the lag, and
	 * the partitions a rebuild replays.
	 */
	static final List<String> TOPICS = Topics.consumerGroup(Topics.DIRECTORY_SERVICE).orElseThrow().topics();

	private static final Duration CACHE = Duration.ofSeconds(5);

	private final KafkaProperties properties;

	private final Clock clock;

	private Admin admin;

	private Optional<Map<String, Long>> cached = Optional.empty();

	private Instant cachedAt = Instant.MIN;

	ConsumerLag(KafkaProperties properties, Clock clock, MeterRegistry registry) {
		this.properties = properties;
		this.clock = clock;
		for (String topic : TOPICS) {
			Gauge.builder("membership.directory.consumer.lag", this, (lag) -> lag.cachedLag(topic))
				.description("Records on the topic not yet applied by the directory (end offset - committed offset)")
				.tag("topic", topic)
				.register(registry);
		}
	}

	public String groupId() {
		return this.properties.getConsumer().getGroupId();
	}

	private double cachedLag(String topic) {
		return recentLag().map((lag) -> lag.getOrDefault(topic, -1L)).orElse(-1L);
	}

	/**
	 * Lag per consumed topic, at most a few seconds old; empty when the broker could not
	 * be asked.
	 */
	synchronized Optional<Map<String, Long>> recentLag() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.cachedAt.plus(CACHE))) {
			try {
				this.cached = Optional.of(lagByTopic());
			}
			catch (RuntimeException ex) {
				this.cached = Optional.empty();
			}
			this.cachedAt = now;
		}
		return this.cached;
	}

	/** Lag per consumed topic, read now. */
	public synchronized Map<String, Long> lagByTopic() {
		try {
			Admin admin = admin();
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId())
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = partitions(admin).stream()
				.collect(Collectors.toMap(Function.identity(), (tp) -> OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
			Map<String, Long> lag = new HashMap<>();
			ends.forEach((partition, end) -> {
				OffsetAndMetadata done = committed.get(partition);
				long behind = end.offset() - ((done != null) ? done.offset() : 0L);
				lag.merge(partition.topic(), Math.max(behind, 0L), Long::sum);
			});
			return lag;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the consumer lag", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the consumer lag of " + groupId(), ex);
		}
	}

	/** Every partition of the consumed topics. */
	public synchronized List<TopicPartition> partitions() {
		try {
			return partitions(admin());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not describe " + TOPICS, ex);
		}
	}

	private List<TopicPartition> partitions(Admin admin) throws Exception {
		return admin.describeTopics(TOPICS)
			.allTopicNames()
			.get(5, TimeUnit.SECONDS)
			.values()
			.stream()
			.flatMap((description) -> description.partitions()
				.stream()
				.map((info) -> new TopicPartition(description.name(), info.partition())))
			.toList();
	}

	/** One admin client for the lag and the rebuild, closed with the context. */
	public synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.properties.buildAdminProperties());
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
		}
	}

}
