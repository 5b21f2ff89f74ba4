package org.membership.onboarding.application;

import java.time.Instant;

/**
 * One state change of an application.
 *
 * @param version the application's version after the change
 * @param status the status it changed to
 * @param actor who changed it: {@code applicant}, a staff user name, or {@code scheduler}
 * @param detail what was decided (tier and date, a reason), optional
 */
public record HistoryEntry(long version, ApplicationStatus status, String actor, Instant occurredAt, String detail) {
}
