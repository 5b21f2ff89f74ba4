package org.membership.events;

import org.apache.avro.Schema;

/**
 * A topic of the contract and the schema of its values.
 *
 * @param schema the Avro schema of every value on the topic
 */
public record EventTopic(String name, Schema schema) {

	/** The registry subject of the values (Confluent's TopicNameStrategy). */
	public String valueSubject() {
		return Topics.valueSubject(this.name);
	}

}
