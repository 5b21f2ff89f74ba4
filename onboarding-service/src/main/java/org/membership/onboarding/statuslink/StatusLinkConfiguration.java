package org.membership.onboarding.statuslink;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of the new status links. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusLinkProperties.class)
class StatusLinkConfiguration {

}
