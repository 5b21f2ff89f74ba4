package org.membership.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One trace per application's journey, for every service: {@link Traces}, the outbox's
 * sends in the trace of their event ({@link OutboxSendTracing}), the application id in
 * the log lines of a listener ({@link ApplicationIdRecords}) and of a request about one
 * application ({@link ApplicationIdPaths}), and the trace id in every response
 * ({@link TraceIdHeader}). The settings are {@link TracingDefaults}. Without a tracer (a
 * test slice, tracing disabled) Micrometer's no-op tracer and propagator stand in.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration" })
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

	@Bean
	Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	@ConditionalOnClass(name = "org.springframework.kafka.listener.RecordInterceptor")
	ApplicationIdRecords applicationIdRecords() {
		return new ApplicationIdRecords();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.modulith.events.support.DelegatingEventExternalizer")
	static class OutboxConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static OutboxSendTracing outboxSendTracing(ObjectProvider<Traces> traces) {
			return new OutboxSendTracing(traces);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class WebConfiguration implements WebMvcConfigurer {

		private final TracingProperties properties;

		WebConfiguration(TracingProperties properties) {
			this.properties = properties;
		}

		@Bean
		FilterRegistrationBean<TraceIdHeader> traceIdHeader(Traces traces) {
			FilterRegistrationBean<TraceIdHeader> registration = new FilterRegistrationBean<>(
					new TraceIdHeader(traces));
			// right after Spring's server observation filter (HIGHEST_PRECEDENCE + 1),
			// which opens the request's span
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
			return registration;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			if (!this.properties.applicationPaths().isEmpty()) {
				registry.addInterceptor(new ApplicationIdPaths(this.properties.applicationPaths()));
			}
		}

	}

}
