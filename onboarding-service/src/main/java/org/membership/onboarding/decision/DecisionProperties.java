package org.membership.onboarding.decision;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The association's rule for decisions that is a setting rather than code.
 *
 * @param maxEffectiveFromAhead how far in the future an approval's effectiveFrom may lie
 */
@ConfigurationProperties("membership.onboarding")
record DecisionProperties(@DefaultValue("P2Y") Period maxEffectiveFromAhead) {
}
