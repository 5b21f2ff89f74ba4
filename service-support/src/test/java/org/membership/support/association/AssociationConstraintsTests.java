package org.membership.support.association;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssociationConstraintsTests {

	private final AssociationProperties association = new AssociationProperties("European DIGITAL SME Alliance",
			"DIGITAL SME", ZoneId.of("Europe/Brussels"), Map.of(), null);

	private final Validator validator = Validation.byDefaultProvider()
		.configure()
		.constraintValidatorFactory(new Factory(this.association))
		.buildValidatorFactory()
		.getValidator();

	record Application(@ConfiguredTier String requestedTier, @IsoCountry String country) {
	}

	record Search(@ConfiguredTier(ignoreCase = true) String tier, @IsoCountry(ignoreCase = true) String country) {
	}

	@Test
	void aBodyNeedsAConfiguredTierAndAnUpperCaseCountry() {
		assertThat(this.validator.validate(new Application("FULL", "RO"))).isEmpty();
		assertThat(this.validator.validate(new Application(null, null))).isEmpty();
		assertThat(messages(this.validator.validate(new Application("full", "ro")))).containsExactlyInAnyOrder(
				"must be one of [FULL, ASSOCIATE]",
				"must be an ISO 3166-1 alpha-2 country code in upper case, e.g. RO");
		assertThat(messages(this.validator.validate(new Application("GOLD", "XX")))).hasSize(2);
	}

	@Test
	void aSearchFilterIgnoresCase() {
		assertThat(this.validator.validate(new Search("associate", "de"))).isEmpty();
		assertThat(messages(this.validator.validate(new Search("gold", "xx")))).containsExactlyInAnyOrder(
				"must be one of [FULL, ASSOCIATE]", "must be an ISO 3166-1 alpha-2 country code, e.g. RO");
	}

	private static Set<String> messages(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
	}

	/** What Spring's validator factory does: the tier check gets the settings. */
	private record Factory(AssociationProperties association) implements ConstraintValidatorFactory {

		@Override
		@SuppressWarnings("unchecked")
		public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
			if (key == ConfiguredTier.Validator.class) {
				return (T) new ConfiguredTier.Validator(this.association);
			}
			try {
				return key.getDeclaredConstructor().newInstance();
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void releaseInstance(ConstraintValidator<?, ?> instance) {
		}

	}

}
