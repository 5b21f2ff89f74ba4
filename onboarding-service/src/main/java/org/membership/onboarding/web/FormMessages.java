package org.membership.onboarding.web;

import java.lang.annotation.Annotation;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What the form says next to a field it cannot take: a sentence for a person ("Enter the
 * organisation's name."), not the validator's "must not be null". The API keeps the
 * validator's messages, which a program reads next to the field's path.
 */
final class FormMessages {

	private static final Map<String, String> REQUIRED = Map.of("organisation.name", "Enter the organisation's name.",
			"organisation.country", "Choose the country of the organisation's seat.", "organisation.city",
			"Enter the city of the organisation's seat.", "organisation.type", "Choose the type of organisation.",
			"requestedTier", "Choose a membership tier.", "contact.name", "Enter the contact person's name.",
			"contact.email", "Enter the contact person's e-mail address.");

	private FormMessages() {
	}

	static String of(ConstraintViolation<?> violation) {
		String field = violation.getPropertyPath().toString();
		Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
		return switch (constraint) {
			case NotNull n -> REQUIRED.getOrDefault(field, "Fill in this field.");
			case NotBlank n -> REQUIRED.getOrDefault(field, "Fill in this field.");
			case Size size -> "Use at most " + size.max() + " characters.";
			case Email e -> "Enter an e-mail address such as name@example.org.";
			case PastOrPresent p -> "Enter a date that is not in the future.";
			case PositiveOrZero p -> "Enter a whole number of 0 or more.";
			case Max max -> "Enter a number of at most " + String.format("%,d", max.value()) + ".";
			// the select boxes offer only valid values: a bad one was not chosen from the
			// list
			default -> switch (field) {
				case "organisation.country" -> "Choose a country from the list.";
				case "requestedTier" -> "Choose a membership tier from the list.";
				default -> capitalised(violation.getMessage());
			};
		};
	}

	private static String capitalised(String message) {
		String sentence = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
		return sentence.endsWith(".") ? sentence : sentence + ".";
	}

}
