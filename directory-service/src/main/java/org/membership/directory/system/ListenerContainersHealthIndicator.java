package org.membership.directory.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The consumer side of the service's health ({@code /actuator/health/kafkaListeners}): UP
 * when every listener container runs, DOWN when one has stopped (the directory would
 * silently go stale), OUT_OF_SERVICE while a rebuild has them stopped on purpose.
 */
@Component("kafkaListeners")
class ListenerContainersHealthIndicator implements HealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	private final RebuildState rebuild;

	ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry, RebuildState rebuild) {
		this.registry = registry;
		this.rebuild = rebuild;
	}

	@Override
	public Health health() {
		Map<String, Object> containers = new LinkedHashMap<>();
		boolean allRunning = !this.registry.getListenerContainers().isEmpty();
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("running", container.isRunning());
			detail.put("paused", container.isContainerPaused());
			detail.put("assignedPartitions", String.valueOf(container.getAssignedPartitions()));
			containers.put(container.getListenerId(), detail);
			allRunning &= container.isRunning();
		}
		Health.Builder health = allRunning ? Health.up()
				: (this.rebuild.inProgress() ? Health.outOfService() : Health.down());
		return health.withDetail("containers", containers).build();
	}

}
