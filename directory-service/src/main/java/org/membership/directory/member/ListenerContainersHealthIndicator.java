package org.membership.directory.member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The consumer side of the service's health ({@code /actuator/health/kafkaListeners}): UP
 * when every listener container runs and the group's lag can be read from the broker;
 * DOWN when a container has stopped or the broker cannot be reached (the directory would
 * silently go stale). A rebuild does not stop the containers (it replays into a
 * generation of its own with a consumer of its own), so it changes nothing here. Details:
 * each container, and the lag per topic.
 */
@Component("kafkaListeners")
class ListenerContainersHealthIndicator implements HealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	private final ConsumerLag lag;

	ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry, ConsumerLag lag) {
		this.registry = registry;
		this.lag = lag;
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
		// a running container does not mean a reachable broker: the lag needs the broker
		Optional<Map<String, Long>> lag = this.lag.recentLag();
		Health.Builder health;
		if (allRunning && lag.isPresent()) {
			health = Health.up();
		}
		else {
			health = Health.down();
		}
		return health.withDetail("containers", containers)
			.withDetail("lag", lag.<Object>map((value) -> value).orElse("the broker cannot be reached"))
			.build();
	}

}
