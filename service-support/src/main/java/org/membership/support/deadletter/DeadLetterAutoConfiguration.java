package org.membership.support.deadletter;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Dead letters per consumer: {@code <topic>.<consumer-group>-dlt}, listed and replayed by
 * staff.
 */
@AutoConfiguration
public class DeadLetterAutoConfiguration {

}
