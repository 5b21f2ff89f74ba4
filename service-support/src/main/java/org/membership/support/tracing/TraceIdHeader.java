package org.membership.support.tracing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the caller the trace id of its request ({@code X-Trace-Id}), the id to search the
 * logs of every service for. A caller that sends a W3C {@code traceparent} gets its own
 * trace id back.
 */
class TraceIdHeader extends OncePerRequestFilter {

	/** The response header. */
	static final String HEADER = "X-Trace-Id";

	private final Traces traces;

	TraceIdHeader(Traces traces) {
		this.traces = traces;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String traceparent = this.traces.traceparent();
		if (traceparent != null) {
			response.setHeader(HEADER, traceparent.substring(3, 35));
		}
		chain.doFilter(request, response);
	}

}
