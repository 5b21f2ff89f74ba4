/**
 * The transactional outbox's relay: what the broker has not acknowledged is sent again,
 * by one instance at a time.
 */
package org.membership.support.outbox;
