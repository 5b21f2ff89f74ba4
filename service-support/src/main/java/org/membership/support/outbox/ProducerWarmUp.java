package org.membership.support.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Opens the outbox's way to Kafka once the service is ready, on a thread of its own: the
 * producer (with idempotence it connects at once, for its producer id) and the cluster id
 * that the template's send observation asks for. Otherwise the first events after a start
 * pay for both, and every sending thread waits on the one that does: seconds on a busy
 * two-core machine, measured in issue 12's P1 (the first events of a start reached the
 * topics about 7 s late). A broker that is away only fails this warm-up, logged; the
 * outbox works as it always does.
 */
class ProducerWarmUp implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ProducerWarmUp.class);

	private final KafkaTemplate<?, ?> template;

	ProducerWarmUp(KafkaTemplate<?, ?> template) {
		this.template = template;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Thread.ofPlatform().daemon().name("outbox-warm-up").start(this::warmUp);
	}

	void warmUp() {
		try {
			// the shared producer: closing this handle leaves it open for the template
			try (Producer<?, ?> producer = this.template.getProducerFactory().createProducer()) {
				logger.debug("Outbox producer ready: {}", producer);
			}
			KafkaAdmin admin = this.template.getKafkaAdmin();
			if (admin != null) {
				logger.debug("Outbox producer's cluster: {}", admin.clusterId());
			}
		}
		catch (RuntimeException ex) {
			logger.info("Warming up the outbox's producer failed ({}); the first send will connect instead",
					ex.toString());
		}
	}

}
