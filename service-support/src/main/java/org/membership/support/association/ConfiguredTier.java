package org.membership.support.association;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * One of the association's configured tier codes ({@code null} and empty are valid): on a
 * field of a request body or on a query parameter.
 */
@Documented
@Constraint(validatedBy = ConfiguredTier.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ConfiguredTier {

	String message() default "must be one of the association's tiers";

	/**
	 * Whether {@code full} counts as {@code FULL} (a search filter typed by a person).
	 */
	boolean ignoreCase() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks against {@link AssociationProperties#tiers()}. */
	class Validator implements ConstraintValidator<ConfiguredTier, String> {

		private final AssociationProperties association;

		private boolean ignoreCase;

		public Validator(AssociationProperties association) {
			this.association = association;
		}

		@Override
		public void initialize(ConfiguredTier annotation) {
			this.ignoreCase = annotation.ignoreCase();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty()
					|| this.association.isTier(this.ignoreCase ? value.toUpperCase(Locale.ROOT) : value)) {
				return true;
			}
			// the configured codes, never the value given: a template is interpolated
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be one of " + this.association.tiers().keySet())
				.addConstraintViolation();
			return false;
		}

	}

}
