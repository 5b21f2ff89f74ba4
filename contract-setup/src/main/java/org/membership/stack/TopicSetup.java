package org.membership.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.membership.events.EventTopic;
import org.membership.events.Topics;

/**
 * Creates every topic of the contract and every consumer's dead-letter topics
 * ({@code <topic>.<consumer-group>-dlt}, see {@link Topics#CONSUMER_GROUPS}). Idempotent:
 * topics that exist are left as they are.
 */
public final class TopicSetup {

	/**
	 * Every topic keeps every record: the directory is rebuilt by replaying the
	 * contract's topics, a new downstream system reads them from the beginning, and a
	 * dead letter stays until staff have looked at it (the services list and replay them
	 * from the dead-letter topics).
	 */
	static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");

	private TopicSetup() {
	}

	/** The contract's topics followed by every consumer's dead-letter topics. */
	public static List<String> topicNames() {
		List<String> names = new ArrayList<>();
		Topics.ALL.stream().map(EventTopic::name).forEach(names::add);
		names.addAll(Topics.deadLetterTopics());
		return names;
	}

	/**
	 * Creates the topics that do not exist yet.
	 * @param bootstrapServers the broker
	 * @param partitions partitions per topic; dead-letter topics get the same number so
	 * that a dead letter keeps the partition of the record that failed
	 * @return the names of the topics that were created now
	 */
	public static Set<String> createTopics(String bootstrapServers, int partitions) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<NewTopic> missing = topicNames().stream()
				.filter((name) -> !existing.contains(name))
				.map((name) -> new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(KEEP_FOREVER))
				.toList();
			for (var entry : admin.createTopics(missing).values().entrySet()) {
				try {
					entry.getValue().get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new StackException("Could not create topic " + entry.getKey() + ": " + ex.getCause(), ex);
					}
				}
			}
			return missing.stream().map(NewTopic::name).collect(Collectors.toSet());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new StackException("Could not list the topics on " + bootstrapServers + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while creating topics", ex);
		}
	}

}
