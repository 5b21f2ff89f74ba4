package org.membership.support.metrics;

/**
 * The one naming rule of the services' own meters: {@code membership.<service>.<what>},
 * where {@code <service>} is {@code spring.application.name} without its {@code -service}
 * suffix ({@code membership.onboarding.outbox.waiting}).
 */
public final class MetricNames {

	private static final String PREFIX = "membership.";

	private MetricNames() {
	}

	/**
	 * The name of the meter {@code what} of the service called {@code applicationName}.
	 * @param applicationName {@code spring.application.name}, e.g.
	 * {@code onboarding-service}
	 * @param what the meter's own part, e.g. {@code outbox.waiting}
	 */
	public static String of(String applicationName, String what) {
		String service = applicationName.endsWith("-service")
				? applicationName.substring(0, applicationName.length() - "-service".length()) : applicationName;
		return PREFIX + service + "." + what;
	}

}
