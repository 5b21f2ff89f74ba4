package org.membership.onboarding.application;

import java.util.UUID;

/**
 * The outcome of a submission.
 *
 * @param statusToken the applicant's private status token
 * @param replayed whether an earlier submission with the same Idempotency-Key and body
 * was returned instead of a new one
 */
public record Submission(UUID id, ApplicationStatus status, String statusToken, boolean replayed) {
}
