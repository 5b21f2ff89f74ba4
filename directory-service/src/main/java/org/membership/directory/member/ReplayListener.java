package org.membership.directory.member;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.membership.events.ApplicationWithdrawn;
import org.membership.events.EffectiveDateChanged;
import org.membership.events.MemberApproved;
import org.membership.events.MembershipEffective;
import org.membership.support.deadletter.InvalidEventException;

import org.springframework.stereotype.Component;

/**
 * The listener of a rebuild's replay: maps a record the rebuild's own consumer read (the
 * same Avro records as the live listeners get) and applies it to the BUILDING generation
 * only. Here, with the live listeners, because only listeners see the Avro classes.
 */
@Component
public class ReplayListener {

	private final MemberProjection projection;

	ReplayListener(MemberProjection projection) {
		this.projection = projection;
	}

	/**
	 * Applies one replayed record to a generation.
	 * @param record a record of a consumed topic, its value read by the Avro deserializer
	 * @param generation the BUILDING generation
	 * @throws InvalidEventException when the value is not an event the directory can
	 * apply (unreadable, or invalid): the live listeners dead-lettered it already
	 */
	public void apply(ConsumerRecord<?, ?> record, long generation) {
		MembershipChange change = switch (record.value()) {
			case MemberApproved event -> MemberApprovedListener.change(event);
			case MembershipEffective event -> MembershipEffectiveListener.change(event);
			case EffectiveDateChanged event -> EffectiveDateChangedListener.change(event);
			case ApplicationWithdrawn event -> ApplicationWithdrawnListener.change(event);
			case null -> throw new InvalidEventException("The value on " + record.topic() + "-" + record.partition()
					+ "@" + record.offset() + " could not be read");
			default -> throw new InvalidEventException("Unexpected " + record.value().getClass().getName() + " on "
					+ record.topic() + "-" + record.partition() + "@" + record.offset());
		};
		this.projection.replay(change, generation);
	}

}
