package org.membership.support.deadletter;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The service's own handling of each topic it reads: the listener of the
 * {@code @KafkaListener} container that reads the topic. A replay hands the record to
 * that listener directly, in this service only, exactly as the container would (the same
 * conversion to the listener method's parameter, the same method), without going through
 * Kafka.
 */
class ListenerHandlers {

	/** A replay has no offset to commit. */
	private static final Acknowledgment NOTHING_TO_COMMIT = () -> {
	};

	/** A replay reads no partition for the listener to pause or seek. */
	private static final Consumer<?, ?> NO_CONSUMER = null;

	private final KafkaListenerEndpointRegistry registry;

	ListenerHandlers(KafkaListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Processes {@code record} as the listener of its topic does.
	 * @throws RuntimeException what the listener threw
	 */
	@SuppressWarnings("unchecked")
	void handle(ConsumerRecord<String, Object> record) {
		List<MessageListenerContainer> containers = this.registry.getAllListenerContainers()
			.stream()
			.filter((container) -> reads(container, record.topic()))
			.toList();
		if (containers.size() != 1) {
			throw new IllegalStateException(
					"Expected one listener of " + record.topic() + " in this service, found " + containers.size());
		}
		Object listener = containers.get(0).getContainerProperties().getMessageListener();
		if (!(listener instanceof GenericMessageListener<?>)) {
			throw new IllegalStateException("The listener of " + record.topic() + " is not a record listener");
		}
		GenericMessageListener<ConsumerRecord<String, Object>> handler = (GenericMessageListener<ConsumerRecord<String, Object>>) listener;
		switch (ListenerUtils.determineListenerType(listener)) {
			case ACKNOWLEDGING_CONSUMER_AWARE -> handler.onMessage(record, NOTHING_TO_COMMIT, NO_CONSUMER);
			case ACKNOWLEDGING -> handler.onMessage(record, NOTHING_TO_COMMIT);
			case CONSUMER_AWARE -> handler.onMessage(record, NO_CONSUMER);
			case SIMPLE -> handler.onMessage(record);
		}
	}

	private static boolean reads(MessageListenerContainer container, String topic) {
		String[] topics = container.getContainerProperties().getTopics();
		return topics != null && Arrays.asList(topics).contains(topic);
	}

}
