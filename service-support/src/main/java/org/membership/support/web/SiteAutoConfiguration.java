package org.membership.support.web;

import java.time.Clock;

import org.membership.support.association.AssociationAutoConfiguration;
import org.membership.support.association.AssociationProperties;
import org.membership.support.security.StaffPages;
import org.membership.support.security.StaffSecurityAutoConfiguration;
import org.membership.support.security.StaffSecurityRules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The common look of the services' pages, for every service that renders pages with
 * Thymeleaf: the {@link Site} in every model, the staff login page, and the redirect from
 * {@code /} to the service's page ({@code membership.web.home-page}). The layout and the
 * stylesheet themselves are resources of this module
 * ({@code templates/membership/layout.html}, {@code static/membership/site.css}).
 */
@AutoConfiguration(after = AssociationAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.thymeleaf.spring6.SpringTemplateEngine")
@EnableConfigurationProperties(SiteProperties.class)
public class SiteAutoConfiguration {

	/** The stylesheet and whatever else the layout loads: open on every service. */
	public static final String ASSETS = "/membership/**";

	@Bean
	Site site(AssociationProperties association, SiteProperties properties) {
		return Site.of(association, properties.links());
	}

	@Bean
	PageText pageText(Clock clock, AssociationProperties association) {
		return new PageText(clock, association.timeZone());
	}

	@Bean
	SiteModelAdvice siteModelAdvice(Site site, PageText text) {
		return new SiteModelAdvice(site, text);
	}

	@Bean
	StaffLoginPage staffLoginPage(ObjectProvider<StaffSecurityRules> rules, ObjectProvider<StaffPages> staffPages) {
		StaffSecurityRules staffRules = rules.getIfAvailable();
		return new StaffLoginPage(staffRules != null
				&& StaffSecurityAutoConfiguration.loginHome(staffRules, staffPages.orderedStream().toList()) != null);
	}

	@Bean
	WebMvcConfigurer homePageRedirect(SiteProperties properties) {
		return new WebMvcConfigurer() {

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				if (StringUtils.hasText(properties.homePage())) {
					registry.addRedirectViewController("/", properties.homePage());
				}
			}

		};
	}

}
