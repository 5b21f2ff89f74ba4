package org.membership.onboarding.statuslink;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests for a new status link.
 *
 * @param minInterval at most one new link per application within this time; further
 * requests are answered alike and do nothing
 * @param queueCapacity requests waiting to be handled at most; beyond, they are dropped
 * (answered alike; logged)
 */
@ConfigurationProperties("membership.onboarding.status-link")
record StatusLinkProperties(@DefaultValue("5m") Duration minInterval, @DefaultValue("100") int queueCapacity) {
}
