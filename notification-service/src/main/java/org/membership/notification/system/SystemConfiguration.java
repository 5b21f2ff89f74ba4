package org.membership.notification.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling (the mail sender, the outbox resubmission). The clock, the association's
 * settings, problem details and paging come from the support module.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfiguration {

}
