/**
 * HTTP: the public announcements (page, JSON, Atom feed: published ones only), the staff
 * API and pages of the drafts, and the staff view of notifications.
 */
package org.membership.notification.web;
