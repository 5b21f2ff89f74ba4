package org.membership.benchmarks;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceStoryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyApplicationIsTheReferenceStoryWithItsOwnNameAndAddress() {
		JsonNode first = JSON.readTree(ReferenceStory.nextApplication());
		JsonNode second = JSON.readTree(ReferenceStory.nextApplication());

		assertThat(first.at("/organisation/name").asString()).startsWith("CLUJ IT Cluster ")
			.isNotEqualTo(second.at("/organisation/name").asString());
		assertThat(first.at("/contact/email").asString()).matches("andrei\\.kelemen\\.[a-z0-9-]+@example\\.org")
			.isNotEqualTo(second.at("/contact/email").asString());
		assertThat(first.at("/requestedTier").asString()).isEqualTo("FULL");
		assertThat(first.at("/organisation/country").asString()).isEqualTo("RO");
	}

}
