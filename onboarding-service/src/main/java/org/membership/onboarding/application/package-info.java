/**
 * Membership applications: submission (with Idempotency-Key), the state of each
 * application and its history, the applicant's status token, and the in-process events
 * that every state change publishes through the transactional outbox.
 */
package org.membership.onboarding.application;
