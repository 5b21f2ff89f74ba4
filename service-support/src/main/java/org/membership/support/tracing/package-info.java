/**
 * One trace per application's journey: W3C trace context ({@code traceparent}) across
 * HTTP and Kafka through Micrometer Tracing with the OpenTelemetry bridge, carried across
 * the outbox by the events themselves
 * ({@link org.membership.support.tracing.TracedEvent}), and the trace id, span id and
 * application id in every log line.
 */
package org.membership.support.tracing;
