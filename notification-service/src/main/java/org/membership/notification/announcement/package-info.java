/**
 * The welcome announcement: a draft written from configurable templates on MemberApproved
 * (with the contact's statement as a quote), edited by staff, published by staff or on
 * MembershipEffective exactly once (page and feed, AnnouncementPublished through the
 * transactional outbox, the welcome mail), cancelled or moved to another date when the
 * application changes. One row per application.
 */
package org.membership.notification.announcement;
