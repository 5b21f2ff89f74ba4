package org.membership.support.deadletter;

/**
 * The headers of a dead letter besides Spring Kafka's {@code kafka_dlt-*} ones (original
 * topic, partition, offset, timestamp, exception class and stack trace). They hold the
 * root cause of the failure as plain UTF-8 strings, readable by any Kafka tool, even when
 * the exception itself could not be serialized (the deserializer's exception header then
 * only says "Could not serialize type …").
 */
public final class DeadLetterHeaders {

	/** The class of the root cause of the failure. */
	public static final String ERROR_CLASS = "membership_dlt-error-class";

	/** The message of the root cause, or of the nearest exception that has one. */
	public static final String ERROR_MESSAGE = "membership_dlt-error-message";

	/**
	 * The bytes a record arrived with, kept in memory from deserialization to
	 * dead-lettering and never written to a topic.
	 */
	static final String ORIGINAL_VALUE = "membership_original-value";

	private DeadLetterHeaders() {
	}

}
