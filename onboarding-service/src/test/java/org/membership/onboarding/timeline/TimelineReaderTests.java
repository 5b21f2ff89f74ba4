package org.membership.onboarding.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The parts of reading a timeline that need no broker. */
class TimelineReaderTests {

	@Test
	void theTimelineReadsThePartitionThatTheProducersDefaultPartitionerPicksForTheKey() {
		for (int i = 0; i < 1_000; i++) {
			String key = UUID.randomUUID().toString();
			for (int partitions : new int[] { 1, 3, 7, 12 }) {
				assertThat(TimelineReader.partitionOf(key, partitions)).as(key)
					.isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
			}
		}
	}

	@Test
	void boundsThatWouldReadNothingOrForeverAreRefusedAtStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TimelineProperties(0, Duration.ofSeconds(5), Duration.ofMinutes(5)))
			.withMessageContaining("max-records");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TimelineProperties(10, Duration.ZERO, Duration.ofMinutes(5)))
			.withMessageContaining("max-time");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TimelineProperties(10, Duration.ofSeconds(5), Duration.ofMinutes(-1)))
			.withMessageContaining("start-margin");
	}

}
