package org.membership.directory.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told of each record a rebuild's replay is about to apply: a bean of this type, where
 * there is one, is called on the replay's thread. None exists in the service; the tests
 * declare one to hold a replay halfway or make it fail.
 */
@FunctionalInterface
public interface ReplayObserver {

	/**
	 * Called before the record is applied to the generation.
	 * @param generation the BUILDING generation
	 * @param record the record
	 */
	void beforeApply(long generation, ConsumerRecord<?, ?> record);

}
