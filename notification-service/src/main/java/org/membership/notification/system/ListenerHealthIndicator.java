package org.membership.notification.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * DOWN when a Kafka listener container has stopped: the service would then silently stop
 * sending mails and announcements.
 */
@Component("kafkaListeners")
class ListenerHealthIndicator implements HealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	ListenerHealthIndicator(KafkaListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		Health.Builder builder = Health.up();
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			builder.withDetail(container.getListenerId(), container.isRunning() ? "running" : "stopped");
			if (!container.isRunning()) {
				builder.down();
			}
		}
		return builder.build();
	}

}
