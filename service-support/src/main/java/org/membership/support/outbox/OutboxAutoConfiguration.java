package org.membership.support.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The outbox relay: resubmits what a broker outage or a crash left incomplete.
 */
@AutoConfiguration
public class OutboxAutoConfiguration {

}
