package org.membership.support.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends again what is still in the outbox: publications that a broker outage failed, or
 * that a crash left half-done, once they are older than
 * {@code membership.outbox.resubmit-older-than}. Spring Modulith has no periodic retry of
 * its own.
 * <p>
 * Safe with several instances: Spring Modulith claims each publication in the database
 * before resubmitting it (status RESUBMITTED, set by one conditional update), so two
 * instances do not resend the same one at once. Duplicates remain possible, and consumers
 * de-duplicate on eventId: a send still under way when the publication passes
 * {@code resubmit-older-than} (which is why it is set above the producer's time-outs), a
 * resubmitted send still under way when the staleness monitor marks it failed (Spring
 * Modulith 2.0.3 measures that staleness from the publication date), and a crash between
 * the broker's acknowledgement and the deletion of the row.
 * <p>
 * A failing run (database away, say) is logged and the next run comes as scheduled.
 */
class OutboxRelay implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final IncompleteEventPublications incomplete;

	private final OutboxProperties properties;

	OutboxRelay(IncompleteEventPublications incomplete, OutboxProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.resubmitInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::resubmit, interval, interval));
	}

	void resubmit() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
		}
		catch (RuntimeException ex) {
			logger.warn("Resubmitting the outbox's incomplete event publications failed; next attempt in {}",
					this.properties.resubmitInterval(), ex);
		}
	}

}
