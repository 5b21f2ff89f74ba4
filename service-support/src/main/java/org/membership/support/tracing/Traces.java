package org.membership.support.tracing;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The current trace as W3C text, and work done in a span continuing a stored
 * {@code traceparent}: what crosses a thread, a restart or a day (the outbox, a staff
 * decision taken days after the submission) without a request or a record to carry it.
 */
public final class Traces {

	/** The W3C header, also the key under which an event keeps its context. */
	public static final String TRACEPARENT = "traceparent";

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern VALID_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Tracer tracer;

	private final Propagator propagator;

	public Traces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The current span's {@code traceparent}, or null outside any span. */
	public String traceparent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	/** The current trace id, or a new random one outside any span. */
	public String traceId() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? span.context().traceId() : HexFormat.of().formatHex(randomBytes(16));
	}

	/**
	 * A {@code traceparent} in the trace {@code traceId} (an application's trace, kept as
	 * its correlation id) whose parent is the current span, or a random span id outside
	 * any span; null when {@code traceId} is no W3C trace id (an older correlation id).
	 */
	public String traceparentIn(String traceId) {
		if (traceId == null || !TRACE_ID.matcher(traceId).matches()) {
			return null;
		}
		Span span = this.tracer.currentSpan();
		TraceContext current = (span != null) ? span.context() : null;
		String spanId = (current != null) ? current.spanId() : HexFormat.of().formatHex(randomBytes(8));
		return "00-" + traceId + "-" + spanId + "-01";
	}

	/**
	 * Does {@code work} in a new span named {@code name} whose parent is
	 * {@code traceparent}, so that its log lines and the records it sends are in that
	 * trace; in the current context when {@code traceparent} is null or malformed.
	 */
	public <T> T continuing(String traceparent, String name, Supplier<T> work) {
		if (traceparent == null || !VALID_TRACEPARENT.matcher(traceparent).matches()) {
			return work.get();
		}
		Span span = this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
