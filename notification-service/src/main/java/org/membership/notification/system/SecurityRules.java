package org.membership.notification.system;

import org.membership.support.security.StaffSecurityRules;
import org.membership.support.security.StaffSecurityRules.Access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what here; how they authenticate is service-support's. The public reads
 * the announcements (pages, feed, JSON); the rest of the API (notifications, dead
 * letters) is for STAFF, and no other page exists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

	@Bean
	StaffSecurityRules staffSecurityRules() {
		return StaffSecurityRules.staffByDefault()
			// "/" redirects to the announcements (membership.web.home-page)
			.open(HttpMethod.GET, "/", "/announcements", "/announcements/**", "/announcements.atom")
			.open(HttpMethod.GET, "/api/announcements", "/api/announcements/**")
			.otherPages(Access.DENIED);
	}

}
