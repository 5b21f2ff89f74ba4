/**
 * HTTP: the public announcements (page, JSON, Atom feed) and the staff view of
 * notifications.
 */
package org.membership.notification.web;
