package org.membership.onboarding.application;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event of an application carries. The events are plain records, published
 * in-process inside the transaction of their state change; the outbox stores them with
 * that transaction and the relay maps them to the Avro records of the contract.
 */
public sealed interface OnboardingEvent
		permits ApplicationReceived, MemberApproved, ApplicationRejected, MembershipEffective {

	/** Unique per event; consumers de-duplicate on it. */
	UUID eventId();

	/** When the fact happened. */
	Instant occurredAt();

	/** The application, also the Kafka key. */
	UUID applicationId();

	/** The application's version after the change. */
	long applicationVersion();

	/** Set at submission, carried on. */
	String correlationId();

}
