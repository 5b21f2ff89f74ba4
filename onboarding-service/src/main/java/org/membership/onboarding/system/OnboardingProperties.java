package org.membership.onboarding.system;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the onboarding workflow.
 *
 * @param maxEffectiveFromAhead how far in the future an approval's effectiveFrom may lie
 * @param maxRequestSize the largest request body accepted (API and form); larger is 413
 * @param effectiveDates the scheduler that makes approvals effective
 * @param clockOffset shifts the service's idea of now, for staging and end-to-end tests
 * that need an effective date to come (e.g. {@code P11D}); zero in production
 */
@ConfigurationProperties("membership.onboarding")
public record OnboardingProperties(@DefaultValue("P2Y") Period maxEffectiveFromAhead,
		@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue EffectiveDates effectiveDates,
		@DefaultValue("PT0S") Duration clockOffset) {

	/**
	 * @param pollInterval how often due approvals are looked for
	 */
	public record EffectiveDates(@DefaultValue("30s") Duration pollInterval) {
	}

}
