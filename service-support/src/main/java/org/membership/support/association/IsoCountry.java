package org.membership.support.association;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An assigned ISO 3166-1 alpha-2 country code, where the association's members are
 * ({@code null} and empty are valid): in upper case, or in any case with
 * {@code ignoreCase}.
 */
@Documented
@Constraint(validatedBy = IsoCountry.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {

	String message() default "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. RO";

	/** Whether {@code ro} counts as {@code RO} (a search filter typed by a person). */
	boolean ignoreCase() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks against {@link Locale#getISOCountries()}. */
	class Validator implements ConstraintValidator<IsoCountry, String> {

		private static final Set<String> CODES = Set.of(Locale.getISOCountries());

		private boolean ignoreCase;

		@Override
		public void initialize(IsoCountry annotation) {
			this.ignoreCase = annotation.ignoreCase();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty()) {
				return true;
			}
			if (!this.ignoreCase) {
				return CODES.contains(value);
			}
			if (CODES.contains(value.toUpperCase(Locale.ROOT))) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be an ISO 3166-1 alpha-2 country code, e.g. RO")
				.addConstraintViolation();
			return false;
		}

	}

}
