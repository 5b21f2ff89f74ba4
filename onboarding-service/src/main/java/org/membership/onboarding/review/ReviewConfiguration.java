package org.membership.onboarding.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The digest's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewDigestProperties.class)
class ReviewConfiguration {

}
