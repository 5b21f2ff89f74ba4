package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

import org.membership.support.tracing.TracedEvent;

/**
 * What every event of an application carries. The events are plain records, published
 * in-process inside the transaction of their state change; the outbox stores them with
 * that transaction and the relay maps them to the Avro records of the contract. They are
 * named apart from those records so that the mapping can import both; the outbox stores
 * their class name, so a rename needs a migration of {@code event_publication.event_type}
 * (as {@code V4__renamed_event_types.sql} does).
 */
public sealed interface OnboardingEvent extends TracedEvent permits ApplicationSubmitted, ApplicationApproved,
		ApplicationDeclined, MembershipTookEffect, ApplicationRetracted, EffectiveDateMoved {

	/** Unique per event; consumers de-duplicate on it. */
	UUID eventId();

	/** When the fact happened. */
	Instant occurredAt();

	/** The application, also the Kafka key. */
	UUID applicationId();

	/** The application's version after the change. */
	long applicationVersion();

	/**
	 * The trace id of the application's submission, carried on: the trace every event of
	 * the application continues, and the id to search the logs for.
	 */
	String correlationId();

	/**
	 * The trace context the outbox sends the event in: within the application's trace
	 * ({@link #correlationId()}).
	 */
	@Override
	String traceparent();

}
