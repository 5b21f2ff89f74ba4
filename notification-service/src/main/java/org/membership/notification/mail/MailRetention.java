package org.membership.notification.mail;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.support.metrics.MetricNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Blanks the texts of sent mails after {@code membership.notification.retention.bodies}
 * (30 days): a mail's body, HTML and template variables hold personal data that nobody
 * needs once it was sent. The row itself stays, so that a redelivered event still finds
 * it (event and kind are the de-duplication key) and staff still see who was written to,
 * about what and when (recipient, subject, status, dates). FAILED mails keep their texts:
 * staff may set them back to PENDING to send them, and a blank mail must never go out.
 * <p>
 * Safe with several instances without a lock: each statement is a conditional
 * {@code UPDATE} of at most {@code batch-size} rows whose body is not blank yet, so two
 * instances never blank (nor count) the same row twice, and a run cut short leaves the
 * rest for the next run. Counted in {@code membership.notification.bodies.pruned}.
 */
@Component
class MailRetention {

	private static final Logger logger = LoggerFactory.getLogger(MailRetention.class);

	private final NotificationRepository repository;

	private final MailRetentionProperties properties;

	private final Clock clock;

	private final Counter pruned;

	MailRetention(NotificationRepository repository, MailRetentionProperties properties, Clock clock,
			MeterRegistry meters, @Value("${spring.application.name}") String applicationName) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		this.pruned = Counter.builder(MetricNames.of(applicationName, "bodies.pruned"))
			.description("Texts of sent mails blanked after their retention")
			.register(meters);
	}

	/**
	 * Blanks the texts of the mails sent before the retention.
	 * @return how many this call blanked
	 */
	@Scheduled(fixedDelayString = "${membership.notification.retention.interval:1h}",
			initialDelayString = "${membership.notification.retention.interval:1h}")
	int prune() {
		Instant cutoff = this.clock.instant().minus(this.properties.bodies());
		int total = 0;
		int changed;
		do {
			changed = this.repository.blankBodiesSentBefore(cutoff, this.properties.batchSize());
			total += changed;
			this.pruned.increment(changed);
		}
		while (changed == this.properties.batchSize());
		if (total > 0) {
			logger.info("Blanked the texts of {} mail(s) sent before {}", total, cutoff);
		}
		return total;
	}

}
