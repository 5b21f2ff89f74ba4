package org.membership.notification.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling, because the mail sender polls for due notifications (service-support's
 * outbox relay schedules its resubmission itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfiguration {

}
