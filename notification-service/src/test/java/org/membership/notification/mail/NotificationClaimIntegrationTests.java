package org.membership.notification.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.membership.notification.support.NotificationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationIntegrationTest
class NotificationClaimIntegrationTests {

	@Autowired
	private NotificationRepository repository;

	@Test
	void ofTwoInstancesThatSeeTheSameDueMailOnlyOneClaimsIt() {
		UUID id = UUID.randomUUID();
		// a day ahead: due for the two "instances" below, not yet for the running sender
		Instant now = Instant.now().plus(1, ChronoUnit.DAYS);
		NotificationRequest request = new NotificationRequest(UUID.randomUUID(), UUID.randomUUID(),
				NotificationKind.ACKNOWLEDGEMENT, "claims@example.org", Map.of());
		assertThat(this.repository.insertIfAbsent(id, request, "claims@example.org",
				new ComposedMail("subject", "text", "<p>html</p>"), "{}", now))
			.isTrue();
		assertThat(this.repository.insertIfAbsent(UUID.randomUUID(), request, "claims@example.org",
				new ComposedMail("subject", "text", "<p>html</p>"), "{}", now))
			.as("the same event and kind again")
			.isFalse();

		// both saw it due, with no attempt yet
		NotificationRepository.Due due = this.repository.findDue(now, Integer.MAX_VALUE)
			.stream()
			.filter((found) -> found.id().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(due.attempts()).isZero();
		boolean first = this.repository.claim(due, now.plusSeconds(120));
		boolean second = this.repository.claim(due, now.plusSeconds(120));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		this.repository.markSent(id, now);
	}

}
