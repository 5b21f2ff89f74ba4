/**
 * Cross-cutting configuration of this service: security, correlation ids, health and its
 * own settings. The association's settings, time, problem details and paging are the
 * support module's.
 */
package org.membership.onboarding.system;
