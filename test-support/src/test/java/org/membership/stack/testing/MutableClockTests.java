package org.membership.stack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MutableClockTests {

	private static final Instant MIDNIGHT = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void aSetClockStandsStill() {
		MutableClock clock = new MutableClock();
		clock.set(MIDNIGHT);
		Instant before = Instant.now();
		await().until(() -> Instant.now().isAfter(before.plusMillis(20)));
		assertThat(clock.instant()).isEqualTo(MIDNIGHT);
	}

	@Test
	void aClockRunningFromAnInstantMovesOnFromIt() {
		MutableClock clock = new MutableClock();
		clock.runFrom(MIDNIGHT);
		Instant first = clock.instant();
		assertThat(first).isBetween(MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(1)));
		await().until(() -> clock.instant().isAfter(first));
		assertThat(clock.withZone(ZoneId.of("Europe/Brussels")).instant()).isAfter(first);
	}

	@Test
	void resetFollowsTheSystemClockAgain() {
		MutableClock clock = new MutableClock();
		clock.runFrom(MIDNIGHT);
		clock.reset();
		Instant before = Instant.now();
		assertThat(clock.instant()).isBetween(before, Instant.now());
	}

	@Test
	void aRunningClockOfAnotherContextMovesOnFromItsInstantInItsZone() {
		ZoneId brussels = ZoneId.of("Europe/Brussels");
		Clock clock = MutableClock.runningFrom(MIDNIGHT, brussels);
		Instant first = clock.instant();
		assertThat(clock.getZone()).isEqualTo(brussels);
		assertThat(first).isBetween(MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(1)));
		await().until(() -> clock.instant().isAfter(first));
	}

}
