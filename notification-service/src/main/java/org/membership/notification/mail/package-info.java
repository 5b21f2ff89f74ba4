/**
 * Mails to applicants, one per event and kind: a notification row is written
 * (insert-if-absent) before the Kafka offset is committed, and a scheduled sender
 * delivers the pending rows over SMTP with back-off, so an SMTP outage delays mails but
 * never loses or duplicates them.
 */
package org.membership.notification.mail;
