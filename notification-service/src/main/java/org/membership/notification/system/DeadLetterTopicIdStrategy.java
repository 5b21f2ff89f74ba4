package org.membership.notification.system;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.serde.data.SerdeMetadata;
import io.apicurio.registry.serde.data.SerdeRecord;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import org.membership.events.Topics;

/**
 * Looks up the schema of a record sent to {@code <topic>-dlt} under the original topic's
 * subject ({@code <topic>-value}): a dead letter holds the record exactly as it was, and
 * the dead-letter topics have no subjects of their own in the registry (schemas are
 * registered beforehand, never by the producer).
 *
 * @param <T> the schema type
 */
public class DeadLetterTopicIdStrategy<T> implements ArtifactReferenceResolverStrategy<T, Object> {

	private final TopicIdStrategy<T> topicIdStrategy = new TopicIdStrategy<>();

	@Override
	public ArtifactReference artifactReference(Record<Object> data, ParsedSchema<T> parsedSchema) {
		SerdeRecord<Object> record = (SerdeRecord<Object>) data;
		String topic = record.metadata().getTopic();
		if (topic != null && topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
			topic = topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length());
		}
		return this.topicIdStrategy.artifactReference(
				new SerdeRecord<>(new SerdeMetadata(topic, record.metadata().isKey()), record.payload()), parsedSchema);
	}

	@Override
	public boolean loadSchema() {
		return this.topicIdStrategy.loadSchema();
	}

}
