/**
 * The member directory: a read model of the onboarding topics, kept idempotent and
 * order-tolerant (eventId de-duplication, versioned upserts on applicationVersion), and
 * the queries that read it. Its rows belong to generations ({@link Generations}): the
 * queries read the LIVE one, a rebuild fills a BUILDING one. Only the listeners see Avro;
 * the rest works on plain records. The listeners' consumer is watched here too: its lag,
 * its health and its counters; and the processed event ids are pruned after their
 * retention.
 */
package org.membership.directory.member;
