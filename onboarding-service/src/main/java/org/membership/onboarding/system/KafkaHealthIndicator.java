package org.membership.onboarding.system;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * {@code kafka} in the health endpoint: UP when the cluster answers a describe-cluster
 * within {@code management.health.kafka.timeout} (3 s). An outage does not lose events
 * (the outbox keeps them), but it is worth seeing.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private final KafkaAdmin kafkaAdmin;

	private final Duration timeout;

	private Admin admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin, @Value("${management.health.kafka.timeout:3s}") Duration timeout) {
		this.kafkaAdmin = kafkaAdmin;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		try {
			Collection<Node> nodes = admin()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()))
				.nodes()
				.get(this.timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
			return Health.up().withDetail("nodes", nodes.size()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			var config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
			config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
			config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
			this.admin = Admin.create(config);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

}
