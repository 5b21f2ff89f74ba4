package org.membership.directory.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.membership.directory.member.ConsumerLag;
import org.membership.directory.member.ProjectionReset;
import org.membership.directory.member.RebuildState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the directory from the topics, in this order: stop the listener containers
 * (they commit what they applied and leave the group), empty the projection and the
 * processed event ids in one transaction, set the group's committed offsets to the
 * beginning of every partition, start the containers. They then replay every event; the
 * projection rules (dedup, versions, forward-only status) make the result independent of
 * the order the two topics are read in. Records that fail again go to the dead-letter
 * topics again. Progress: {@code membership.directory.consumer.lag} falls to 0.
 */
@Service
class DirectoryRebuild {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryRebuild.class);

	private static final Duration GROUP_EMPTY_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaListenerEndpointRegistry containers;

	private final ProjectionReset projection;

	private final ConsumerLag consumer;

	private final RebuildState state;

	DirectoryRebuild(KafkaListenerEndpointRegistry containers, ProjectionReset projection, ConsumerLag consumer,
			RebuildState state) {
		this.containers = containers;
		this.projection = projection;
		this.consumer = consumer;
		this.state = state;
	}

	/** Runs a rebuild; the replay itself goes on in the listener containers. */
	Started rebuild() {
		if (!this.state.begin()) {
			throw new RebuildInProgressException();
		}
		try {
			logger.info("Rebuild: stopping the listener containers");
			this.containers.getListenerContainers().forEach(MessageListenerContainer::stop);
			ProjectionReset.Removed removed = this.projection.removeAll();
			Map<TopicPartition, Long> offsets = resetOffsetsToBeginning();
			logger.info("Rebuild: removed {} members and {} processed event ids, replaying from {}", removed.members(),
					removed.eventIds(), offsets);
			return new Started(removed.members(), removed.eventIds(),
					offsets.entrySet()
						.stream()
						.collect(Collectors.toMap((entry) -> entry.getKey().toString(), Map.Entry::getValue)));
		}
		finally {
			this.containers.getListenerContainers().forEach(MessageListenerContainer::start);
			this.state.end();
		}
	}

	private Map<TopicPartition, Long> resetOffsetsToBeginning() {
		Admin admin = this.consumer.admin();
		List<TopicPartition> partitions = this.consumer.partitions();
		try {
			Map<TopicPartition, Long> earliest = admin
				.listOffsets(partitions.stream()
					.collect(Collectors.toMap(Function.identity(), (tp) -> OffsetSpec.earliest())))
				.all()
				.get(30, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
			Map<TopicPartition, OffsetAndMetadata> reset = earliest.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new OffsetAndMetadata(entry.getValue())));
			Instant deadline = Instant.now().plus(GROUP_EMPTY_TIMEOUT);
			while (true) {
				try {
					// only possible once the stopped consumers have left the group
					admin.alterConsumerGroupOffsets(this.consumer.groupId(), reset).all().get(30, TimeUnit.SECONDS);
					return earliest;
				}
				catch (ExecutionException ex) {
					if (Instant.now().isAfter(deadline)) {
						throw ex;
					}
					logger.info("Rebuild: group {} not empty yet ({}), retrying", this.consumer.groupId(),
							ex.getCause().getMessage());
					Thread.sleep(500);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while resetting the offsets", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not reset the offsets of " + this.consumer.groupId()
					+ "; the directory is empty and will fill from the committed offsets only", ex);
		}
	}

	/**
	 * What a rebuild did before the replay started.
	 *
	 * @param membersRemoved rows removed from the projection
	 * @param eventIdsRemoved processed event ids forgotten
	 * @param replayFrom the offset each partition is replayed from
	 */
	public record Started(int membersRemoved, int eventIdsRemoved, Map<String, Long> replayFrom) {
	}

}
