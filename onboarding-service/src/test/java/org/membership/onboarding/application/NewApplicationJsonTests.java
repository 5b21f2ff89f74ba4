package org.membership.onboarding.application;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical JSON of a submission, whose hash an Idempotency-Key stands for: an
 * application without the applicant's own words hashes as it did before they existed, so
 * a client retrying across the upgrade is not answered 422.
 */
class NewApplicationJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void absentWordsAreLeftOutOfTheCanonicalJson() {
		String canonical = this.json.writeValueAsString(application(null, null));

		assertThat(canonical).doesNotContain("aims")
			.doesNotContain("statement")
			.endsWith("\"description\":null},"
					+ "\"requestedTier\":\"FULL\",\"contact\":{\"name\":\"Andrei Kelemen\",\"role\":\"CEO\","
					+ "\"email\":\"andrei.kelemen@example.org\"}}");
	}

	@Test
	void givenWordsAreInTheCanonicalJson() {
		String canonical = this.json
			.writeValueAsString(application("aims to foster innovation", new ContactStatement("We join.")));

		assertThat(canonical).contains("\"aims\":\"aims to foster innovation\"")
			.contains("\"statement\":{\"text\":\"We join.\"}");
	}

	private static NewApplication application(String aims, ContactStatement statement) {
		return new NewApplication(
				new ApplyingOrganisation("CLUJ IT Cluster", null, "RO", "Cluj-Napoca", null, OrganisationType.CLUSTER,
						LocalDate.of(2012, 10, 1), 90, null, aims),
				"FULL", new ContactPerson("Andrei Kelemen", "CEO", "andrei.kelemen@example.org"), statement);
	}

}
