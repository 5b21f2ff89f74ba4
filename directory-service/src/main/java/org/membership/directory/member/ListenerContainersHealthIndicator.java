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
 * silently go stale); OUT_OF_SERVICE while a rebuild has the containers stopped on
 * purpose. Details: each container, and the lag per topic.
 */
@Component("kafkaListeners")
class ListenerContainersHealthIndicator implements HealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	private final RebuildState rebuild;

	private final ConsumerLag lag;

	ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry, RebuildState rebuild, ConsumerLag lag) {
		this.registry = registry;
		this.rebuild = rebuild;
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
		if (this.rebuild.inProgress()) {
			health = Health.outOfService();
		}
		else if (allRunning && lag.isPresent()) {
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
