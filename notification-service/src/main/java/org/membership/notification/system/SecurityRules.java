package org.membership.notification.system;

import org.membership.support.security.StaffPages;
import org.membership.support.security.StaffSecurityRules;
import org.membership.support.security.StaffSecurityRules.Access;
import org.membership.support.web.Site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what here; how they authenticate is service-support's. The public reads
 * the published announcements (pages, feed, JSON); the drafts (API and pages) and the
 * rest of the API (notifications, dead letters) are for STAFF, and no other page exists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

	private static final String DRAFT_PAGES = Site.ANNOUNCEMENT_DRAFTS_PAGE;

	@Bean
	StaffSecurityRules staffSecurityRules() {
		return StaffSecurityRules.staffByDefault()
			// the drafts before the public announcements' pattern, which would open them
			.staff("/api/announcements/drafts", "/api/announcements/drafts/**")
			// "/" redirects to the announcements (membership.web.home-page)
			.open(HttpMethod.GET, "/", "/announcements", "/announcements/**", "/announcements.atom")
			.open(HttpMethod.GET, "/api/announcements", "/api/announcements/**")
			.otherPages(Access.DENIED);
	}

	/**
	 * The staff pages of the drafts: the form login of the dead letters' pages, a session
	 * and CSRF tokens.
	 */
	@Bean
	StaffPages announcementDraftStaffPages() {
		return StaffPages.paths(DRAFT_PAGES, DRAFT_PAGES, DRAFT_PAGES + "/**");
	}

}
