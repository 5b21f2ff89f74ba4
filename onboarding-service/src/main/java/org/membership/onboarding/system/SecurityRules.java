package org.membership.onboarding.system;

import org.membership.support.security.StaffSecurityRules;
import org.membership.support.security.StaffSecurityRules.Access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what here; how they authenticate is service-support's. Applicants submit
 * and follow (and withdraw) their application without an account; every other API call,
 * and the staff console, need the role STAFF. A withdrawal is open to both: the status
 * token or STAFF credentials. The console logs in with a form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

	@Bean
	StaffSecurityRules staffSecurityRules() {
		return StaffSecurityRules.staffByDefault()
			.open(HttpMethod.POST, "/api/applications")
			.open(HttpMethod.POST, "/api/applications/status-link")
			.open(HttpMethod.GET, "/api/applications/*/status")
			// the applicant with the status token, or staff: the controller tells them
			// apart
			.open(HttpMethod.POST, "/api/applications/*/withdrawal")
			.staff("/staff", "/staff/**")
			.otherPages(Access.OPEN)
			.staffConsole("/staff");
	}

}
