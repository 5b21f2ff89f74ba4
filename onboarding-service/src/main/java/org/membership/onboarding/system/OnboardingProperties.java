package org.membership.onboarding.system;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the onboarding workflow.
 *
 * @param maxEffectiveFromAhead how far in the future an approval's effectiveFrom may lie
 * @param effectiveDates the scheduler that makes approvals effective
 */
@ConfigurationProperties("membership.onboarding")
public record OnboardingProperties(@DefaultValue("P2Y") Period maxEffectiveFromAhead,
		@DefaultValue EffectiveDates effectiveDates) {

	/**
	 * @param pollInterval how often due approvals are looked for
	 */
	public record EffectiveDates(@DefaultValue("30s") Duration pollInterval) {
	}

}
