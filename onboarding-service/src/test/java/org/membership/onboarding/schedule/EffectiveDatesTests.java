package org.membership.onboarding.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.membership.onboarding.application.Applications;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EffectiveDatesTests {

	private final Applications applications = mock(Applications.class);

	private final EffectiveDates effectiveDates = new EffectiveDates(this.applications,
			new AssociationTime(Clock.fixed(Instant.parse("2023-01-01T10:00:00Z"), ZoneOffset.UTC),
					new AssociationProperties("European DIGITAL SME Alliance", "DIGITAL SME",
							ZoneId.of("Europe/Brussels"), Map.of(), "http://127.0.0.1:8083")));

	@Test
	void aFullBatchOfFailingApplicationsEndsThePollInsteadOfLoopingOverThem() {
		List<UUID> succeeding = ids(100);
		List<UUID> failing = ids(100);
		when(this.applications.findDue(any(LocalDate.class), anyInt())).thenReturn(succeeding, failing, failing,
				List.of());
		succeeding
			.forEach((id) -> when(this.applications.makeEffective(id, LocalDate.of(2023, 1, 1))).thenReturn(true));
		failing.forEach((id) -> when(this.applications.makeEffective(id, LocalDate.of(2023, 1, 1)))
			.thenThrow(new IllegalStateException("broken row")));

		assertThat(this.effectiveDates.makeDueEffective()).isEqualTo(100);
		// the failing batch is read once in this poll; the next poll retries it
		verify(this.applications, times(2)).findDue(LocalDate.of(2023, 1, 1), 100);
	}

	private static List<UUID> ids(int count) {
		return IntStream.range(0, count).mapToObj((i) -> UUID.randomUUID()).toList();
	}

}
