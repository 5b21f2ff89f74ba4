package org.membership.directory;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DirectoryIntegrationTest
class DirectoryApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Test
	void startsAgainstTheRealBrokerAndRegistryAndReportsHealthy() {
		assertThat(this.http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
	}

	@Test
	void healthIncludesTheListenerContainers() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<?, ?> health = this.http.withBasicAuth("staff", "test-staff-secret")
				.getForObject("/actuator/health", Map.class);
			Map<?, ?> listeners = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("kafkaListeners");
			assertThat(listeners.get("status")).isEqualTo("UP");
			Object containers = ((Map<?, ?>) listeners.get("details")).get("containers");
			assertThat(((Map<?, ?>) containers).keySet().stream().map(String::valueOf)).contains("member-approved",
					"membership-effective", "effective-date-changed", "application-withdrawn");
		});
	}

	@Test
	void metricsAreForStaffAndIncludeTheDirectoryCountersAndTheConsumerLag() {
		assertThat(this.http.getForEntity("/actuator/metrics", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		TestRestTemplate staff = this.http.withBasicAuth("staff", "test-staff-secret");
		assertThat(staff.getForEntity("/actuator/metrics/membership.directory.consumer.lag", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		String prometheus = staff.getForObject("/actuator/prometheus", String.class);
		assertThat(prometheus).contains("membership_directory_consumer_lag")
			// the Kafka client's own meters, bound by Spring Boot
			.contains("kafka_consumer_fetch_manager_records_lag_max");
	}

}
