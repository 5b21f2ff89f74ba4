/**
 * The welcome announcement on MembershipEffective: written from configurable templates,
 * stored once per membership, mailed to the contact, and published as
 * AnnouncementPublished through the transactional outbox (Spring Modulith's event
 * publication registry).
 */
package org.membership.notification.announcement;
