/**
 * Overdue reviews: a submitted application waits longer than the association's review
 * time ({@code membership.association.review-time}, 14 days by default, counted in days
 * of the association's time zone) is overdue; the console and the API mark and filter
 * them, and a daily digest mail lists them for staff, exactly once per day whatever the
 * number of instances.
 */
package org.membership.onboarding.review;
