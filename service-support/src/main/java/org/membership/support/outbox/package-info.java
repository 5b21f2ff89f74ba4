/**
 * The transactional outbox's relay, once for every service: each service stores its
 * events with its state changes in Spring Modulith's JDBC event publication registry (the
 * {@code event_publication} table, TEXT event column, owned by the service's Flyway
 * migrations) and maps them to its Avro records for the Kafka externalization; this
 * package sends again what the broker has not acknowledged, one instance at a time per
 * publication, counts what waits, and sets the outbox's property defaults.
 */
package org.membership.support.outbox;
