package org.membership.support.problem;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of what a service accepts over HTTP.
 *
 * @param maxRequestSize the largest request body accepted (API and forms); larger is 413
 * @param maxRequestSizeByPath a larger (or smaller) limit for the paths that need one, by
 * path pattern (e.g. a bulk endpoint), so that one endpoint's need does not loosen every
 * other
 */
@ConfigurationProperties("membership.web")
record WebRequestProperties(@DefaultValue("64KB") DataSize maxRequestSize, Map<String, DataSize> maxRequestSizeByPath) {

	WebRequestProperties {
		maxRequestSizeByPath = (maxRequestSizeByPath != null) ? Map.copyOf(maxRequestSizeByPath) : Map.of();
	}

}
