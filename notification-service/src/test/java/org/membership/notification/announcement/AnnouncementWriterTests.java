package org.membership.notification.announcement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.membership.support.association.AssociationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncementWriterTests {

	private final AnnouncementWriter writer = new AnnouncementWriter(
			new AnnouncementProperties("{shortName} welcomes {organisation} as a {tier} Member",
					List.of(List.of("{organisation} has {memberCount} members.", "{organisation} joins."),
							List.of("Based in {city}, {countryName}.")),
					List.of(List.of("{organisation} was founded in {foundedMonth}.", "It has {memberCount} members."),
							List.of("In its own words: {description}"))),
			new AssociationProperties("European DIGITAL SME Alliance", "DIGITAL SME", ZoneId.of("Europe/Brussels"),
					Map.of("FULL", "Full"), "http://127.0.0.1:8083"));

	@Test
	void writesTheReferenceStory() {
		AnnouncementWriter.Text text = this.writer.write(membership(LocalDate.of(2012, 10, 1), 90,
				"Innovative cluster of IT companies, universities and research institutes"));

		assertThat(text.headline()).isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member");
		assertThat(text.summary()).containsExactly("CLUJ IT Cluster has 90 members.", "Based in Cluj-Napoca, Romania.");
		assertThat(text.body()).isEqualTo("CLUJ IT Cluster was founded in October 2012. It has 90 members.\n\n"
				+ "In its own words: Innovative cluster of IT companies, universities and research institutes.");
	}

	@Test
	void leavesOutWhatIsNotKnown() {
		AnnouncementWriter.Text text = this.writer.write(membership(null, null, "  "));

		assertThat(text.summary()).containsExactly("CLUJ IT Cluster joins.", "Based in Cluj-Napoca, Romania.");
		assertThat(text.body()).isEmpty();
	}

	@Test
	void bracesInTheApplicantsTextStayText() {
		assertThat(AnnouncementWriter.fill("{organisation} says hello", Map.of("organisation", "{tier} $1 \\")))
			.contains("{tier} $1 \\ says hello");
	}

	private static Membership membership(LocalDate foundedOn, Integer memberCount, String description) {
		return new Membership(
				UUID.randomUUID(), UUID.randomUUID(), 3, "corr", new Membership.Organisation("CLUJ IT Cluster", null,
						"RO", "Cluj-Napoca", null, "CLUSTER", foundedOn, memberCount, description),
				"FULL", LocalDate.of(2023, 1, 1));
	}

}
