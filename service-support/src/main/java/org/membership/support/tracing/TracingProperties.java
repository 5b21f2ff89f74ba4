package org.membership.support.tracing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param applicationPaths path patterns of a service's requests about one application,
 * each with an {@code {applicationId}} variable, whose value goes into the log lines
 */
@ConfigurationProperties("membership.tracing")
public record TracingProperties(List<String> applicationPaths) {

	public TracingProperties {
		applicationPaths = (applicationPaths != null) ? List.copyOf(applicationPaths) : List.of();
	}

}
