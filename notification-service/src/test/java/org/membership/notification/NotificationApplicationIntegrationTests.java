package org.membership.notification;

import org.junit.jupiter.api.Test;
import org.membership.notification.support.NotificationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationIntegrationTest
class NotificationApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Test
	void startsAgainstTheRealBrokerRegistryAndMailServerAndReportsHealthy() {
		String health = this.http.getForObject("/actuator/health", String.class);
		assertThat(health).contains("\"status\":\"UP\"")
			.contains("\"db\":{")
			.contains("\"mail\":{")
			.contains("\"kafkaListeners\":{");
	}

	@Test
	void publishesTheMetricsOfMailsAndAnnouncementsToStaff() {
		for (String metric : new String[] { "membership.notifications.sent", "membership.notifications.failed",
				"membership.notifications.pending", "membership.announcements.published" }) {
			assertThat(this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD)
				.getForObject("/actuator/metrics/" + metric, String.class)).contains("\"name\":\"" + metric + "\"");
		}
		assertThat(this.http.getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void errorsAreProblemDetails() {
		ResponseEntity<String> anonymous = this.http.getForEntity("/api/notifications?status=FAILED", String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
		assertThat(anonymous.getBody()).contains("\"status\":401");

		ResponseEntity<String> badStatus = this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD)
			.getForEntity("/api/notifications?status=LOST", String.class);
		assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
		assertThat(badStatus.getHeaders().getContentType()).hasToString("application/problem+json");
	}

}
