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
		for (String metric : new String[] { "membership.notification.sent", "membership.notification.failed",
				"membership.notification.pending", "membership.notification.announcements.published" }) {
			assertThat(this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD)
				.getForObject("/actuator/metrics/" + metric, String.class)).contains("\"name\":\"" + metric + "\"");
		}
		assertThat(this.http.getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void prometheusScrapesTheServicesMetricsForStaff() {
		ResponseEntity<String> scrape = this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD)
			.getForEntity("/actuator/prometheus", String.class);
		assertThat(scrape.getStatusCode().value()).isEqualTo(200);
		assertThat(scrape.getBody()).contains("membership_notification_sent_total")
			.contains("membership_notification_pending")
			.contains("membership_notification_announcements_published_total")
			.doesNotContain("membership_notifications_");
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
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
		assertThat(badStatus.getBody()).contains("\"type\":\"urn:membership:problem:invalid-input\"")
			.contains("\"field\":\"status\"");
	}

}
