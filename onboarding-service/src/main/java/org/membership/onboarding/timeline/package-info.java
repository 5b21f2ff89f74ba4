/**
 * One application's timeline: every event of it on every topic of the contract, read back
 * from Kafka by its key (the application id), with the consumer groups whose committed
 * offsets have passed each record and the dead-letter topics that hold it. Reading is
 * bounded in records and time ({@link TimelineProperties}); a bound that is hit makes the
 * answer say that it is incomplete and why. Like a listener, it reads the contract's Avro
 * records, and maps them to plain records at once.
 */
package org.membership.onboarding.timeline;
