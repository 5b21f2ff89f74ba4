package org.membership.onboarding.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background poll of {@link EffectiveDates}, every
 * {@code membership.onboarding.effective-dates.poll-interval}. A bean of its own so that
 * {@code membership.onboarding.effective-dates.poll-enabled=false} leaves no poll at all:
 * for a test that makes the calls itself (a poll in the background would win every race
 * it sets up), or an instance that must not make approvals effective. An approval whose
 * date is past still takes effect at once without it.
 */
@Component
@ConditionalOnProperty(name = "membership.onboarding.effective-dates.poll-enabled", havingValue = "true",
		matchIfMissing = true)
class EffectiveDatesPoll {

	private final EffectiveDates effectiveDates;

	EffectiveDatesPoll(EffectiveDates effectiveDates) {
		this.effectiveDates = effectiveDates;
	}

	@Scheduled(fixedDelayString = "${membership.onboarding.effective-dates.poll-interval:30s}",
			initialDelayString = "${membership.onboarding.effective-dates.initial-delay:5s}")
	void poll() {
		this.effectiveDates.makeDueEffective();
	}

}
