package org.membership.onboarding.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.membership.onboarding.system.AssociationProperties;

/** One of the association's configured tier codes ({@code null} is valid). */
@Documented
@Constraint(validatedBy = ConfiguredTier.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ConfiguredTier {

	String message() default "must be one of the association's tiers";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ConfiguredTier, String> {

		private final AssociationProperties association;

		public Validator(AssociationProperties association) {
			this.association = association;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty() || this.association.isTier(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be one of " + this.association.tiers().keySet())
				.addConstraintViolation();
			return false;
		}

	}

}
