/**
 * Cross-cutting configuration: the association's settings, time, security, request
 * limits, problem details, health.
 */
package org.membership.onboarding.system;
