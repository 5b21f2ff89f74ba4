package org.membership.stack;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.membership.events.EventTopic;
import org.membership.events.Topics;
import org.membership.stack.testing.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContractSetupIntegrationTests {

	@Test
	void isIdempotentAgainstAStackThatHasTheContractAlready() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		ContractSetup.Result result = ContractSetup.run(infrastructure.bootstrapServers(),
				infrastructure.confluentCompatibleRegistryUrl(), 3, Duration.ofSeconds(30));
		assertThat(result.createdTopics()).isEmpty();
		assertThat(result.schemaIds()).containsOnlyKeys(Topics.ALL.stream().map(EventTopic::valueSubject).toList());
	}

	@Test
	void givesUpWithAClearMessageWhenTheRegistryNeverAnswers() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String nowhere = "http://" + Ports.LOOPBACK + ":" + Ports.free() + "/apis/ccompat/v7";
		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> ContractSetup.run(infrastructure.bootstrapServers(), nowhere, 3, Duration.ofSeconds(2)))
			.withMessageContaining("Gave up after")
			.withMessageContaining("did not answer");
	}

}
