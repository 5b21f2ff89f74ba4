package org.membership.support.tracing;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What crosses the outbox and the days between a submission and a decision: a stored
 * {@code traceparent} continued in a new span, and a trace id turned back into one.
 */
class TracesTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String STORED = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
		.setTracerProvider(SdkTracerProvider.builder().build())
		.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
		.build();

	private final Traces traces = traces(this.openTelemetry);

	private static Traces traces(OpenTelemetrySdk openTelemetry) {
		io.opentelemetry.api.trace.Tracer tracer = openTelemetry.getTracer("tests");
		return new Traces(new OtelTracer(tracer, new OtelCurrentTraceContext(), (event) -> {
		}), new OtelPropagator(openTelemetry.getPropagators(), tracer));
	}

	@AfterEach
	void close() {
		this.openTelemetry.close();
	}

	@Test
	void workContinuingAStoredTraceparentIsInItsTraceInANewSpan() {
		String inside = this.traces.continuing(STORED, "outbox send", this.traces::traceparent);

		assertThat(inside).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
		assertThat(this.traces.traceparent()).as("the span is closed afterwards").isNull();
	}

	@Test
	void aMissingOrMalformedTraceparentLeavesTheWorkInTheCurrentContext() {
		assertThat(this.traces.continuing(null, "outbox send", this.traces::traceparent)).isNull();
		assertThat(this.traces.continuing("00-not-a-trace", "outbox send", this.traces::traceparent)).isNull();
	}

	@Test
	void aTraceIdBecomesATraceparentWhoseParentIsTheCurrentSpan() {
		String current = this.traces.continuing("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "request",
				this.traces::traceparent);
		String inTrace = this.traces.continuing("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "request",
				() -> this.traces.traceparentIn(TRACE_ID));

		assertThat(current).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
		assertThat(inTrace).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
		assertThat(this.traces.continuing(inTrace, "decision", this.traces::traceId)).isEqualTo(TRACE_ID);
	}

	@Test
	void anOlderCorrelationIdThatIsNoTraceIdGivesNoTraceparent() {
		assertThat(this.traces.traceparentIn("cluj-2022-12-01")).isNull();
		assertThat(this.traces.traceparentIn(null)).isNull();
	}

	@Test
	void outsideAnySpanATraceIdIsNew() {
		assertThat(this.traces.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(this.traces.traceId());
	}

}
