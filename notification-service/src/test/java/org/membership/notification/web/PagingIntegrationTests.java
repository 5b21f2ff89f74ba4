package org.membership.notification.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.membership.notification.support.NotificationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging policy of every service on the announcements (public) and the notifications
 * (staff): no bad page, size or sort is clamped or ignored any more; each is a 400 naming
 * every bad parameter.
 */
@NotificationIntegrationTest
class PagingIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/announcements?", "/api/notifications?status=FAILED&" })
	void badPagingParametersAre400NamingEachOfThem(String list) {
		assertBad(list + "size=0", "size");
		assertBad(list + "size=101", "size");
		assertBad(list + "size=abc", "size");
		assertBad(list + "page=-1", "page");
		assertBad(list + "sort=foo", "sort");
		assertBad(list + "size=0&page=-1", "size", "page");
		Map<String, Object> oversized = assertBad(list + "size=2000", "size");
		assertThat((List<Map<String, Object>>) oversized.get("errors")).extracting((e) -> e.get("message"))
			.containsExactly("must be between 1 and 100");
		ResponseEntity<Map> good = staff().getForEntity("/api/announcements?size=100", Map.class);
		assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Map<?, ?>) good.getBody().get("page")).get("size")).isEqualTo(100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/announcements", "/api/notifications" })
	void aPageIs20ByDefault(String list) {
		ResponseEntity<Map> page = staff().getForEntity(list, Map.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Map<?, ?>) page.getBody().get("page")).get("size")).isEqualTo(20);
	}

	@Test
	void aBadStatusIsListedWithBadPagingParameters() {
		assertBad("/api/notifications?status=LOST&size=0", "status", "size");
	}

	private Map<String, Object> assertBad(String uri, String... parameters) {
		ResponseEntity<Map> response = staff().getForEntity(uri, Map.class);
		assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("type", "urn:membership:problem:invalid-input");
		assertThat((List<Map<String, Object>>) response.getBody().get("errors")).as(uri)
			.extracting((e) -> e.get("field"))
			.containsExactlyInAnyOrder((Object[]) parameters);
		return response.getBody();
	}

	private TestRestTemplate staff() {
		return this.http.withBasicAuth("staff", NotificationIntegrationTest.STAFF_PASSWORD);
	}

}
