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
							List.of("In its own words: {description}"),
							List.of("{organisation} {joins} us as of {effectiveFrom}.")),
					List.of("{organisation} {joins} our family."),
					List.of("{role} of {organisation}", "{organisation}"), "will join", "joins"),
			new AssociationProperties("European DIGITAL SME Alliance", "DIGITAL SME", ZoneId.of("Europe/Brussels"),
					Map.of("FULL", "Full"), "http://127.0.0.1:8083"));

	@Test
	void writesTheReferenceStory() {
		AnnouncementWriter.Text text = this.writer.write(
				membership(LocalDate.of(2012, 10, 1), 90,
						"Innovative cluster of IT companies, universities and research institutes"),
				LocalDate.of(2023, 1, 1));

		assertThat(text.headline()).isEqualTo("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member");
		assertThat(text.summary()).containsExactly("CLUJ IT Cluster has 90 members.", "Based in Cluj-Napoca, Romania.");
		assertThat(text.body()).isEqualTo("CLUJ IT Cluster was founded in October 2012. It has 90 members.\n\n"
				+ "In its own words: Innovative cluster of IT companies, universities and research institutes.\n\n"
				+ "CLUJ IT Cluster joins us as of 1 January 2023.");
		assertThat(text.boilerplate()).isEqualTo("CLUJ IT Cluster joins our family.");
	}

	@Test
	void beforeTheEffectiveDateTheTextSaysWillJoinAndFromItJoins() {
		AnnouncementWriter.Text text = this.writer.write(membership(null, null, null), LocalDate.of(2022, 12, 31));

		assertThat(text.body()).isEqualTo("CLUJ IT Cluster will join us as of 1 January 2023.");
		assertThat(text.boilerplate()).isEqualTo("CLUJ IT Cluster will join our family.");
		assertThat(this.writer.asOfFirstDay(text.body())).isEqualTo("CLUJ IT Cluster joins us as of 1 January 2023.");
		assertThat(AnnouncementWriter.redate(text.body(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 1)))
			.isEqualTo("CLUJ IT Cluster will join us as of 1 March 2023.");
	}

	@Test
	void theStatementIsQuotedWithTheContactsNameAndRole() {
		assertThat(this.writer.quote(new Statement(UUID.randomUUID(), " Andrei  Kelemen ", "CEO", "CLUJ IT Cluster",
				" We are happy to join. ")))
			.contains(new Announcement.Quote("We are happy to join.", "Andrei Kelemen", "CEO of CLUJ IT Cluster"));
		assertThat(this.writer
			.quote(new Statement(UUID.randomUUID(), "Andrei Kelemen", null, "CLUJ IT Cluster", "Hello.")))
			.contains(new Announcement.Quote("Hello.", "Andrei Kelemen", "CLUJ IT Cluster"));
		assertThat(this.writer.quote(new Statement(UUID.randomUUID(), "Andrei Kelemen", "CEO", "CLUJ IT Cluster", " ")))
			.isEmpty();
	}

	@Test
	void theAimsAreAHighlightWhenGiven() {
		AnnouncementWriter writer = new AnnouncementWriter(
				new AnnouncementProperties("{organisation}", List.of(List.of("It aims: {aims}", "No aims.")), List.of(),
						List.of(), List.of("{organisation}"), "will join", "joins"),
				new AssociationProperties("European DIGITAL SME Alliance", "DIGITAL SME", ZoneId.of("Europe/Brussels"),
						Map.of("FULL", "Full"), "http://127.0.0.1:8083"));
		Membership withAims = new Membership(UUID.randomUUID(), UUID.randomUUID(), 2, "corr",
				new Membership.Organisation("CLUJ IT Cluster", null, "RO", "Cluj-Napoca", null, "CLUSTER", null, null,
						null, "to foster a digital innovation ecosystem"),
				"FULL", LocalDate.of(2023, 1, 1));

		assertThat(writer.write(withAims, LocalDate.of(2022, 12, 1)).summary())
			.containsExactly("It aims: to foster a digital innovation ecosystem.");
		assertThat(writer.write(membership(null, null, null), LocalDate.of(2022, 12, 1)).summary())
			.containsExactly("No aims.");
	}

	@Test
	void leavesOutWhatIsNotKnown() {
		AnnouncementWriter.Text text = this.writer.write(membership(null, null, "  "), LocalDate.of(2023, 1, 1));

		assertThat(text.summary()).containsExactly("CLUJ IT Cluster joins.", "Based in Cluj-Napoca, Romania.");
		assertThat(text.body()).isEqualTo("CLUJ IT Cluster joins us as of 1 January 2023.");
	}

	@Test
	void bracesInTheApplicantsTextStayText() {
		assertThat(AnnouncementWriter.fill("{organisation} says hello", Map.of("organisation", "{tier} $1 \\")))
			.contains("{tier} $1 \\ says hello");
	}

	private static Membership membership(LocalDate foundedOn, Integer memberCount, String description) {
		return new Membership(
				UUID.randomUUID(), UUID.randomUUID(), 3, "corr", new Membership.Organisation("CLUJ IT Cluster", null,
						"RO", "Cluj-Napoca", null, "CLUSTER", foundedOn, memberCount, description, null),
				"FULL", LocalDate.of(2023, 1, 1));
	}

}
