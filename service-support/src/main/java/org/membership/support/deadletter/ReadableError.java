package org.membership.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.apicurio.registry.rest.client.models.ProblemDetails;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What went wrong with a record, in words staff can act on: the class of the root cause
 * and the message of the root cause, or of the nearest exception that has one when the
 * root cause has none (listener wrappers say only which method failed). The schema
 * registry's client reports an error as problem details whose message is only its class
 * name; its status, title and detail are used instead.
 *
 * @param className the fully qualified class of the root cause
 * @param message the readable message, never {@code null}
 */
record ReadableError(String className, String message) {

	/** Longer messages are cut: a header is no place for a whole payload. */
	static final int MAX_MESSAGE_LENGTH = 2000;

	static ReadableError of(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		Throwable root = chain.get(chain.size() - 1);
		String message = (root instanceof ProblemDetails problem) ? registryMessage(problem) : null;
		for (int i = chain.size() - 1; i >= 0 && message == null; i--) {
			String candidate = chain.get(i).getMessage();
			if (candidate != null && !candidate.isBlank()) {
				message = candidate.strip();
			}
		}
		if (message == null) {
			message = root.getClass().getSimpleName() + " (no message)";
		}
		return new ReadableError(root.getClass().getName(), cut(message));
	}

	private static String registryMessage(ProblemDetails problem) {
		StringBuilder message = new StringBuilder("the schema registry answered");
		if (problem.getStatus() != null) {
			message.append(' ').append(problem.getStatus());
		}
		for (String part : new String[] { problem.getTitle(), problem.getDetail() }) {
			if (part != null && !part.isBlank()) {
				message.append(": ").append(part.strip());
			}
		}
		return message.toString();
	}

	private static String cut(String message) {
		return (message.length() > MAX_MESSAGE_LENGTH) ? message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…" : message;
	}

	/** The same error, its message preceded by what was being done. */
	ReadableError withContext(String context) {
		return new ReadableError(this.className, cut(context + ": " + this.message));
	}

	/** The error recorded in {@code headers}, if there is one. */
	static Optional<ReadableError> from(Headers headers) {
		String className = text(headers, DeadLetterHeaders.ERROR_CLASS);
		if (className == null) {
			return Optional.empty();
		}
		String message = text(headers, DeadLetterHeaders.ERROR_MESSAGE);
		return Optional.of(new ReadableError(className, (message != null) ? message : ""));
	}

	/** Adds the error to {@code headers} as plain UTF-8 strings. */
	void addTo(Headers headers) {
		headers.add(DeadLetterHeaders.ERROR_CLASS, this.className.getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetterHeaders.ERROR_MESSAGE, this.message.getBytes(StandardCharsets.UTF_8));
	}

	/** The simple class name and the message, for a log line or a problem's detail. */
	String summary() {
		return this.className.substring(this.className.lastIndexOf('.') + 1) + ": " + this.message;
	}

	static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
