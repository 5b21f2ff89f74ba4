package org.membership.support.tracing;

/**
 * An in-process event that the outbox sends later, on another thread, perhaps after a
 * restart: it keeps the W3C {@code traceparent} of the work that published it, and the
 * relay sends it in a span with that parent ({@link Traces#continuing}), so the Kafka
 * record continues that trace. Spring Modulith 2.0.3 stores no trace context with a
 * publication, hence a field of the event, stored with it in the outbox's event column.
 */
public interface TracedEvent {

	/** The {@code traceparent} to continue when sending, or null to start a new trace. */
	String traceparent();

}
