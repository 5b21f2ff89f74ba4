package org.membership.support.tracing;

import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the application id of the record being handled into the log lines (MDC
 * {@code applicationId}): every topic of the contract is keyed by it. A key that is no
 * UUID is not an application id and is left out.
 */
class ApplicationIdRecords implements RecordInterceptor<Object, Object> {

	static final String MDC_KEY = "applicationId";

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		if (record.key() != null && isUuid(record.key().toString())) {
			MDC.put(MDC_KEY, record.key().toString());
		}
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		MDC.remove(MDC_KEY);
	}

	static boolean isUuid(String value) {
		try {
			return UUID.fromString(value).toString().equalsIgnoreCase(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
