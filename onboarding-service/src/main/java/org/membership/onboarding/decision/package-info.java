/**
 * Staff decisions: approve (tier, effective date) or reject (reason) a submitted
 * application, race-free; an approval whose date has come takes effect at once. The
 * latest allowed effective date is this package's setting ({@link DecisionProperties}).
 */
package org.membership.onboarding.decision;
