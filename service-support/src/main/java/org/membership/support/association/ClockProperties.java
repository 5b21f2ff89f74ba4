package org.membership.support.association;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's idea of now.
 *
 * @param clockOffset shifts the clock, for staging and end-to-end tests that need a
 * future date to come (e.g. {@code P11D}); zero in production
 */
@ConfigurationProperties("membership")
record ClockProperties(@DefaultValue("PT0S") Duration clockOffset) {

}
