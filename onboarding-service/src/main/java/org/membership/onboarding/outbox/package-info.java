/**
 * The transactional outbox's way out: Spring Modulith's event publication registry stores
 * each event with its state change; this package maps the in-process records to the Avro
 * records of the contract for the Kafka externalization (topic and key = application id).
 * Resubmission, the outbox gauge and the outbox's settings are service-support's
 * (org.membership.support.outbox). The only package of the service that touches the
 * generated Avro classes.
 */
package org.membership.onboarding.outbox;
