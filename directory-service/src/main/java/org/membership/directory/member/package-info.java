/**
 * The member directory: a read model of the onboarding topics, kept idempotent and
 * order-tolerant (eventId de-duplication, versioned upserts on applicationVersion), and
 * the queries that read it. Only the listeners see Avro; the rest works on plain records.
 * The listeners' consumer is watched here too: its lag, its health and its counters.
 */
package org.membership.directory.member;
