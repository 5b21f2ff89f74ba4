package org.membership.support.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import org.membership.support.ApplicationName;
import org.membership.support.association.AssociationAutoConfiguration;
import org.membership.support.association.AssociationProperties;
import org.membership.support.security.PublicPages;
import org.membership.support.security.StaffOnlyApi;
import org.membership.support.security.StaffSecurityRules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document of every service ({@code /v3/api-docs}, springdoc-openapi) and its
 * Swagger UI ({@code /swagger-ui.html}), both readable by anyone: the document names the
 * service, its version and the association; {@link ApiDocumentation} adds what every
 * service shares (the security schemes on STAFF operations, the problem details). A
 * service only annotates its own controllers.
 */
@AutoConfiguration(after = AssociationAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

	private static final String BUILD = "META-INF/membership/application-build.properties";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI serviceOpenApi(Environment environment, AssociationProperties association) {
		String service = ApplicationName.of(environment);
		return new OpenAPI().info(new Info().title(service + " API")
			.version(version(environment))
			.description("The JSON API of the " + service + " of the " + association.name() + ". Errors are RFC 9457"
					+ " problem details (application/problem+json). Operations that need the role STAFF take HTTP"
					+ " Basic or a Bearer token (a JWT from POST /api/staff/token on the onboarding-service).")
			.contact(new Contact().name(association.name())));
	}

	@Bean
	ApiDocumentation apiDocumentation(StaffSecurityRules rules, ObjectProvider<StaffOnlyApi> staffOnly) {
		return new ApiDocumentation(rules, staffOnly.orderedStream().toList());
	}

	@Bean
	PublicPages apiDocumentationPages(Environment environment) {
		String document = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
		String ui = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
		return PublicPages.paths(document, document + "/**", ui, "/swagger-ui/**");
	}

	/**
	 * The service's version: its jar's, when it runs from one; otherwise the build's (all
	 * modules share one version).
	 */
	static String version(Environment environment) {
		String version = environment.getProperty("spring.application.version");
		if (StringUtils.hasText(version)) {
			return version;
		}
		Properties build = new Properties();
		try (InputStream in = new ClassPathResource(BUILD, OpenApiAutoConfiguration.class.getClassLoader())
			.getInputStream()) {
			build.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + BUILD, ex);
		}
		version = build.getProperty("version", "");
		// unfiltered when built outside Maven
		return (version.isEmpty() || version.startsWith("@")) ? "unknown" : version;
	}

}
