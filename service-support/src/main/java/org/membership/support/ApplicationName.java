package org.membership.support;

import java.util.Optional;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The service's name, {@code spring.application.name}, read one way by every package: it
 * is the service's consumer group (hence its dead-letter topics), the middle of its
 * metric names ({@code membership.<service>.*}) and its HTTP Basic realm. Every service
 * sets it; a default would give wrong names without a word, so a missing one stops the
 * start-up.
 */
public final class ApplicationName {

	/** The property that names the service. */
	public static final String PROPERTY = "spring.application.name";

	private ApplicationName() {
	}

	/**
	 * The service's name.
	 * @throws IllegalStateException when it is not set
	 */
	public static String of(PropertyResolver environment) {
		return find(environment).orElseThrow(() -> new IllegalStateException(PROPERTY
				+ " is not set: it names the service's consumer group, metrics (membership.<service>.*) and realm"));
	}

	/**
	 * The service's name, where a missing one only means "not a service" (a condition).
	 */
	public static Optional<String> find(PropertyResolver environment) {
		return Optional.ofNullable(environment.getProperty(PROPERTY)).filter(StringUtils::hasText);
	}

}
