package org.membership.support.tracing;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Puts the application id of a request about one application into the log lines (MDC
 * {@code applicationId}): the {@code {applicationId}} of the first of a service's
 * {@code membership.tracing.application-paths} that the request's path matches, e.g.
 * {@code /api/applications/{applicationId}/**}.
 */
class ApplicationIdPaths implements HandlerInterceptor {

	private final List<PathPattern> patterns;

	ApplicationIdPaths(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern pattern : this.patterns) {
			PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
			if (match != null) {
				Map<String, String> variables = match.getUriVariables();
				String id = variables.get(ApplicationIdRecords.MDC_KEY);
				if (id != null && ApplicationIdRecords.isUuid(id)) {
					MDC.put(ApplicationIdRecords.MDC_KEY, id);
				}
				break;
			}
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		MDC.remove(ApplicationIdRecords.MDC_KEY);
	}

}
