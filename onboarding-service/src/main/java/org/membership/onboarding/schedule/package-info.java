/**
 * Effective dates: approved memberships take effect at local midnight (association time
 * zone) of their effectiveFrom, exactly once, whatever the number of instances.
 */
package org.membership.onboarding.schedule;
