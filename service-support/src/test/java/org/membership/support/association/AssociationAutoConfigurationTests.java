package org.membership.support.association;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AssociationAutoConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AssociationAutoConfiguration.class));

	@Test
	void unconfiguredTheAssociationHasBrusselsTimeAndTheTwoDefaultTiers() {
		this.context.run((context) -> {
			AssociationProperties association = context.getBean(AssociationProperties.class);
			assertThat(association.timeZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
			assertThat(association.tiers()).containsExactly(Map.entry("FULL", "Full"),
					Map.entry("ASSOCIATE", "Associate"));
			assertThat(association.isTier("FULL")).isTrue();
			assertThat(association.isTier("full")).isFalse();
			assertThat(association.isTier(null)).isFalse();
			assertThat(association.tierLabel("ASSOCIATE")).isEqualTo("Associate");
			assertThat(association.tierLabel("GOLD")).isEqualTo("GOLD");
			assertThat(association.tierWithArticle("FULL")).isEqualTo("a Full");
			assertThat(association.tierWithArticle("ASSOCIATE")).isEqualTo("an Associate");
			assertThat(association.tierWithArticle("GOLD")).isEqualTo("a GOLD");
			assertThat(association.publicUrl()).isEqualTo("http://127.0.0.1:8083");
		});
	}

	@Test
	void configuredTiersReplaceTheDefaultsInTheirOrder() {
		this.context
			.withPropertyValues("membership.association.name=European DIGITAL SME Alliance",
					"membership.association.tiers.PARTNER=Partner", "membership.association.tiers.FULL=Full",
					"membership.association.time-zone=Europe/Bucharest",
					"membership.association.public-url=https://www.digitalsme.example/")
			.run((context) -> {
				AssociationProperties association = context.getBean(AssociationProperties.class);
				assertThat(association.name()).isEqualTo("European DIGITAL SME Alliance");
				assertThat(association.tiers().keySet()).containsExactly("PARTNER", "FULL");
				assertThat(association.isTier("ASSOCIATE")).isFalse();
				assertThat(association.timeZone()).isEqualTo(ZoneId.of("Europe/Bucharest"));
				assertThat(association.publicUrl()).isEqualTo("https://www.digitalsme.example");
			});
	}

	@Test
	void theReviewTimeIsFourteenDaysUnlessConfiguredAndMustBePositive() {
		this.context.run((context) -> assertThat(context.getBean(AssociationProperties.class).reviewTime())
			.isEqualTo(Period.ofDays(14)));
		this.context.withPropertyValues("membership.association.review-time=P3W")
			.run((context) -> assertThat(context.getBean(AssociationProperties.class).reviewTime())
				.isEqualTo(Period.ofDays(21)));
		this.context.withPropertyValues("membership.association.review-time=P0D")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("membership.association.review-time must be positive"));
	}

	@Test
	void theClockIsTheSystemClockUnlessAnOffsetIsConfigured() {
		this.context.run((context) -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
		this.context.withPropertyValues("membership.clock-offset=P11D")
			.run((context) -> assertThat(context.getBean(Clock.class).instant())
				.isCloseTo(Instant.now().plus(Duration.ofDays(11)), within(1, ChronoUnit.MINUTES)));
	}

	@Test
	void aClockOfTheApplicationReplacesTheDefault() {
		Clock fixed = Clock.fixed(Instant.parse("2022-12-31T23:30:00Z"), ZoneOffset.UTC);
		this.context.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
	}

	@Test
	void todayIsTheDateInTheAssociationsTimeZone() {
		// 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Brussels
		Clock clock = Clock.fixed(Instant.parse("2022-12-31T23:30:00Z"), ZoneOffset.UTC);
		this.context.withBean(Clock.class, () -> clock).run((context) -> {
			AssociationTime time = context.getBean(AssociationTime.class);
			assertThat(time.today()).isEqualTo(LocalDate.of(2023, 1, 1));
			assertThat(time.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
			assertThat(time.now().getHour()).isZero();
		});
		this.context.withBean(Clock.class, () -> clock)
			.withPropertyValues("membership.association.time-zone=America/New_York")
			.run((context) -> assertThat(context.getBean(AssociationTime.class).today())
				.isEqualTo(LocalDate.of(2022, 12, 31)));
	}

}
