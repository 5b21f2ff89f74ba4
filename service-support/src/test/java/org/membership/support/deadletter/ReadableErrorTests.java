package org.membership.support.deadletter;

import io.apicurio.registry.rest.client.models.ProblemDetails;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableErrorTests {

	@Test
	void namesTheRootCauseAndItsMessageNotTheWrappers() {
		Exception failure = new ListenerExecutionFailedException("Listener method 'on' threw exception",
				new IllegalStateException("while applying",
						new InvalidEventException("organisation.country 'Romania' is not an ISO code")));

		ReadableError error = ReadableError.of(failure);

		assertThat(error.className()).isEqualTo(InvalidEventException.class.getName());
		assertThat(error.message()).isEqualTo("organisation.country 'Romania' is not an ISO code");
		assertThat(error.summary())
			.isEqualTo("InvalidEventException: organisation.country 'Romania' is not an ISO code");
	}

	@Test
	void aRootCauseWithoutAMessageTakesTheNearestMessage() {
		ReadableError error = ReadableError.of(new IllegalStateException("the tier is unknown",
				new RuntimeException((String) null, new NullPointerException())));

		assertThat(error.className()).isEqualTo(NullPointerException.class.getName());
		assertThat(error.message()).isEqualTo("the tier is unknown");
	}

	@Test
	void theSchemaRegistrysProblemIsToldByItsStatusTitleAndDetail() {
		ProblemDetails problem = new ProblemDetails();
		problem.setStatus(404);
		problem.setTitle("ContentNotFoundException");
		problem.setDetail("No content with ID '987654321' was found.");

		ReadableError error = ReadableError.of(new RuntimeException(problem));

		assertThat(error.className()).isEqualTo(ProblemDetails.class.getName());
		assertThat(error.message()).isEqualTo(
				"the schema registry answered 404: ContentNotFoundException: No content with ID '987654321' was found.");
	}

	@Test
	void aLongMessageIsCutAndAContextPrecedesIt() {
		ReadableError error = ReadableError.of(new IllegalArgumentException("x".repeat(5000)));

		assertThat(error.message()).hasSize(ReadableError.MAX_MESSAGE_LENGTH).endsWith("…");
		assertThat(error.withContext("The value on t could not be read").message())
			.startsWith("The value on t could not be read: xxx")
			.hasSize(ReadableError.MAX_MESSAGE_LENGTH);
	}

	@Test
	void travelsAsPlainStringHeaders() {
		Headers headers = new RecordHeaders();
		new ReadableError("java.lang.IllegalStateException", "Ünïcode message").addTo(headers);

		assertThat(ReadableError.text(headers, DeadLetterHeaders.ERROR_CLASS))
			.isEqualTo("java.lang.IllegalStateException");
		assertThat(ReadableError.text(headers, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("Ünïcode message");
		assertThat(ReadableError.from(headers))
			.contains(new ReadableError("java.lang.IllegalStateException", "Ünïcode message"));
		assertThat(ReadableError.from(new RecordHeaders())).isEmpty();
	}

}
