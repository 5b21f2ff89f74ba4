package org.membership.directory.system;

import org.membership.support.security.StaffSecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what here; how they authenticate is service-support's. The directory is
 * public; operating it (dead letters, rebuild, lag) is for STAFF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

	@Bean
	StaffSecurityRules staffSecurityRules() {
		return StaffSecurityRules.openByDefault().staff("/api/dead-letters/**", "/api/directory/**");
	}

}
