package org.membership.support.outbox;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProducerWarmUpTests {

	private final AtomicInteger producersCreated = new AtomicInteger();

	private final AtomicInteger clusterIdsAsked = new AtomicInteger();

	private KafkaTemplate<String, String> template(boolean brokerAway) {
		MockProducerFactory<String, String> producers = new MockProducerFactory<>((transactional, id) -> {
			this.producersCreated.incrementAndGet();
			return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
		}, null);
		KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
		template.setKafkaAdmin(new KafkaAdmin(Map.of()) {

			@Override
			public String clusterId() {
				ProducerWarmUpTests.this.clusterIdsAsked.incrementAndGet();
				if (brokerAway) {
					throw new KafkaException("no broker");
				}
				return "cluster-1";
			}

		});
		return template;
	}

	@Test
	void theProducerIsCreatedAndTheClusterIdFetchedBeforeTheFirstSend() {
		new ProducerWarmUp(template(false)).warmUp();

		assertThat(this.producersCreated).hasValue(1);
		assertThat(this.clusterIdsAsked).hasValue(1);
	}

	@Test
	void aBrokerThatIsAwayOnlyFailsTheWarmUp() {
		ProducerWarmUp warmUp = new ProducerWarmUp(template(true));

		assertThatNoException().isThrownBy(warmUp::warmUp);
		assertThat(this.clusterIdsAsked).hasValue(1);
	}

}
