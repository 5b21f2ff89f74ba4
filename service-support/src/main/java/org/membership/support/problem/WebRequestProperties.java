package org.membership.support.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of what a service accepts over HTTP.
 *
 * @param maxRequestSize the largest request body accepted (API and forms); larger is 413
 */
@ConfigurationProperties("membership.web")
record WebRequestProperties(@DefaultValue("64KB") DataSize maxRequestSize) {

}
