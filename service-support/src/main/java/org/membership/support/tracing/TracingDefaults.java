package org.membership.support.tracing;

import java.util.Map;

import org.membership.support.DefaultSettings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tracing and log correlation, once for every service, as {@link DefaultSettings}: every
 * trace sampled (sampling 1.0: a trace id in a log line always belongs to a recorded
 * trace, and there are few requests), W3C propagation, Spring Kafka's observation on the
 * template and on the listeners (so records carry {@code traceparent} and consumers
 * continue it), and one log pattern printing the trace id, the span id and the
 * application id (MDC {@code applicationId}) where known. No span exporter is configured:
 * adding {@code io.opentelemetry:opentelemetry-exporter-otlp} and setting
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} exports the spans.
 */
class TracingDefaults implements EnvironmentPostProcessor {

	/** Between the level and the logger name: {@code [traceId,spanId,applicationId] }. */
	static final String CORRELATION_PATTERN = "[%X{traceId:-},%X{spanId:-},%X{applicationId:-}] ";

	static final Map<String, Object> DEFAULTS = Map.of("management.tracing.sampling.probability", "1.0",
			"management.tracing.propagation.type", "w3c", "spring.kafka.template.observation-enabled", "true",
			"spring.kafka.listener.observation-enabled", "true", "logging.pattern.correlation", CORRELATION_PATTERN);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DefaultSettings.addTo(environment, DEFAULTS);
	}

}
