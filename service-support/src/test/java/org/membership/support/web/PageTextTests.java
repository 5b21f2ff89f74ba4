package org.membership.support.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTextTests {

	private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

	private final PageText text = new PageText(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Brussels"));

	enum Kind {

		RESEARCH_INSTITUTE, REJECTED

	}

	@Test
	void enumValuesReadAsWords() {
		assertThat(this.text.label(Kind.RESEARCH_INSTITUTE)).isEqualTo("Research institute");
		assertThat(this.text.label(Kind.REJECTED)).isEqualTo("Rejected");
		assertThat(this.text.label(null)).isEmpty();
	}

	@Test
	void countsHaveTheirPlural() {
		assertThat(this.text.count(1, "member")).isEqualTo("1 member");
		assertThat(this.text.count(0, "member")).isEqualTo("0 members");
		assertThat(this.text.count(1200, "member")).isEqualTo("1,200 members");
		assertThat(this.text.count(2, "company", "companies")).isEqualTo("2 companies");
	}

	@Test
	void timesAreInTheAssociationsZoneWithTheZoneNamed() {
		assertThat(this.text.dateTime(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("1 Jul 2026, 12:00 CEST");
		assertThat(this.text.dateTime(NOW)).isEqualTo("30 Nov 2026, 15:00 CET");
		// just before midnight UTC is the next day in Brussels
		assertThat(this.text.date(Instant.parse("2026-11-30T23:30:00Z"))).isEqualTo("1 December 2026");
		assertThat(this.text.date(LocalDate.of(2023, 1, 1))).isEqualTo("1 January 2023");
	}

	@Test
	void agesInTheLargestWholeUnit() {
		assertThat(this.text.age(NOW.minusSeconds(20))).isEqualTo("just now");
		assertThat(this.text.age(NOW.minusSeconds(60))).isEqualTo("1 minute ago");
		assertThat(this.text.age(NOW.minusSeconds(3 * 3600 + 5))).isEqualTo("3 hours ago");
		assertThat(this.text.age(NOW.minusSeconds(3 * 86400))).isEqualTo("3 days ago");
	}

}
