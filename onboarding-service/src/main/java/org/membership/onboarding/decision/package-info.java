/**
 * Staff decisions: approve (tier, effective date) or reject (reason) a submitted
 * application, race-free; an approval whose date has come takes effect at once.
 */
package org.membership.onboarding.decision;
