package org.membership.onboarding.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnboardingConfigurationTests {

	@Test
	void theClockIsTheSystemClockUnlessAnOffsetIsConfigured() {
		Clock plain = new OnboardingConfiguration().clock(properties(Duration.ZERO));
		assertThat(plain).isEqualTo(Clock.systemUTC());

		Clock shifted = new OnboardingConfiguration().clock(properties(Duration.ofDays(11)));
		assertThat(shifted.instant()).isCloseTo(Instant.now().plus(Duration.ofDays(11)),
				within(Duration.ofMinutes(1).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
	}

	private static OnboardingProperties properties(Duration clockOffset) {
		return new OnboardingProperties(Period.ofYears(2), DataSize.ofKilobytes(64),
				new OnboardingProperties.EffectiveDates(Duration.ofSeconds(30)), clockOffset);
	}

}
