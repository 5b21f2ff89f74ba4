package org.membership.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.membership.support.ApplicationName;
import org.membership.support.web.SiteAutoConfiguration;
import org.membership.support.web.StaffLoginPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Staff security, the same in every service. Three filter chains:
 * <ul>
 * <li>{@code /api/**}: HTTP Basic and OAuth2 Bearer tokens (JWT), no session, no CSRF
 * token (no cookie authenticates a call);</li>
 * <li>the actuator: health and info open, the rest for STAFF, Basic or Bearer;</li>
 * <li>the pages: a session, CSRF tokens, and a form login when the service has a staff
 * console or service-support serves it pages for staff ({@link StaffPages}, the dead
 * letters).</li>
 * </ul>
 * Which paths are open and which need STAFF is each service's {@link StaffSecurityRules},
 * except what service-support serves to staff itself ({@link StaffOnlyApi}) or to anyone
 * ({@link PublicPages}, the API documentation). Users and their bcrypt hashes come from
 * {@link StaffSecurityProperties}. Bearer tokens are verified by Spring Boot's resource
 * server settings ({@code spring.security.oauth2.resourceserver.jwt.*}: an OIDC
 * {@code issuer-uri}, a {@code jwk-set-uri}, or a {@code public-key-location} with the
 * {@code issuer-uri} it must name), so verifying one costs no password hash. With none of
 * them set, only Basic is accepted. 401 and 403 are problem details.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		UserDetailsServiceAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ StaffSecurityProperties.class, OAuth2ResourceServerProperties.class })
public class StaffSecurityAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StaffSecurityAutoConfiguration.class);

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	@Bean
	@ConditionalOnMissingBean
	StaffSecurityRules staffSecurityRules() {
		return StaffSecurityRules.staffByDefault();
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		// bcrypt only: a {noop} or other hash could never match, even if one slipped in
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder()));
	}

	@Bean
	InMemoryUserDetailsManager staffUsers(StaffSecurityProperties properties, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(StaffUsers.of(properties, encoder, System.out));
	}

	@Bean
	ProblemResponses staffProblemResponses(Environment environment, ObjectProvider<JwtDecoder> decoder) {
		return new ProblemResponses(ApplicationName.of(environment), decoder.getIfAvailable() != null);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter(OAuth2ResourceServerProperties properties) {
		// the built-in issuer writes "roles": ["STAFF"]; an organisation's own provider
		// names its claim and prefix through Boot's settings
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		String claim = properties.getJwt().getAuthoritiesClaimName();
		authorities.setAuthoritiesClaimName(StringUtils.hasText(claim) ? claim : StaffTokenIssuer.ROLES);
		String prefix = properties.getJwt().getAuthorityPrefix();
		authorities.setAuthorityPrefix((prefix != null) ? prefix : "ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	/**
	 * Verifies tokens with a public key and requires the configured issuer. Boot alone
	 * would, with both settings, look the issuer up through OIDC discovery (which the
	 * built-in issuer does not offer), and with the key alone check no issuer at all.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(JWT + "public-key-location")
	JwtDecoder staffTokenDecoder(OAuth2ResourceServerProperties properties) throws IOException {
		OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
		if (!StringUtils.hasText(jwt.getIssuerUri())) {
			throw new IllegalStateException(JWT + "issuer-uri must be set with " + JWT
					+ "public-key-location: tokens signed with the key are accepted only from that issuer");
		}
		if (StringUtils.hasText(jwt.getJwkSetUri())) {
			throw new IllegalStateException("Set either " + JWT + "jwk-set-uri or " + JWT + "public-key-location");
		}
		RSAPublicKey key;
		try (InputStream in = jwt.getPublicKeyLocation().getInputStream()) {
			key = RsaKeyConverters.x509().convert(in);
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key)
			.signatureAlgorithm(SignatureAlgorithm.from(jwt.getJwsAlgorithms().get(0)))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()));
		return decoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffApi(HttpSecurity http, StaffSecurityRules rules, ProblemResponses problems,
			ObjectProvider<JwtDecoder> decoder, JwtAuthenticationConverter converter,
			ObjectProvider<StaffOnlyApi> staffOnly) throws Exception {
		http.securityMatcher("/api/**").authorizeHttpRequests((requests) -> {
			staffOnly.orderedStream().forEach((api) -> {
				String[] patterns = api.patterns().toArray(String[]::new);
				((api.method() != null) ? requests.requestMatchers(api.method(), patterns)
						: requests.requestMatchers(patterns))
					.hasRole(StaffSecurityRules.STAFF);
			});
			rules.applyToApi(requests);
		});
		if (decoder.getIfAvailable() == null) {
			logger.info("Bearer tokens are not accepted: none of {}issuer-uri, jwk-set-uri, public-key-location is set",
					JWT);
		}
		return stateless(http, problems, decoder, converter).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain staffActuator(HttpSecurity http, ProblemResponses problems, ObjectProvider<JwtDecoder> decoder,
			JwtAuthenticationConverter converter) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
						.permitAll()
						.anyRequest()
						.hasRole(StaffSecurityRules.STAFF));
		return stateless(http, problems, decoder, converter).build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain staffPages(HttpSecurity http, StaffSecurityRules rules, ProblemResponses problems,
			ObjectProvider<PublicPages> publicPages, ObjectProvider<StaffPages> staffPages) throws Exception {
		List<StaffPages> supportPages = staffPages.orderedStream().toList();
		http.authorizeHttpRequests((requests) -> {
			// an error page is shown for whatever failed, wherever it failed
			requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll().requestMatchers("/error").permitAll();
			publicPages.orderedStream()
				.forEach((pages) -> requests.requestMatchers(HttpMethod.GET, pages.patterns().toArray(String[]::new))
					.permitAll());
			// the shared stylesheet: every page, the login page too, is in the common
			// look
			requests.requestMatchers(HttpMethod.GET, SiteAutoConfiguration.ASSETS).permitAll();
			supportPages.forEach((pages) -> requests.requestMatchers(pages.patterns().toArray(String[]::new))
				.hasRole(StaffSecurityRules.STAFF));
			rules.applyToPages(requests);
		});
		String loginHome = loginHome(rules, supportPages);
		if (loginHome != null) {
			// the login page in the common look (StaffLoginPage), not the framework's
			// default
			http.formLogin(
					(form) -> form.loginPage(StaffLoginPage.PATH).permitAll().defaultSuccessUrl(loginHome, false))
				.logout((logout) -> logout.logoutSuccessUrl(StaffLoginPage.PATH + "?logout").permitAll());
		}
		else {
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems));
		}
		return http.build();
	}

	/**
	 * Where a form login lands: the service's console, else the first page
	 * service-support serves to staff; {@code null} when the service has no page for
	 * staff, and so no login page.
	 */
	public static String loginHome(StaffSecurityRules rules, List<StaffPages> staffPages) {
		if (rules.consoleHome() != null) {
			return rules.consoleHome();
		}
		return staffPages.stream().map(StaffPages::home).findFirst().orElse(null);
	}

	private HttpSecurity stateless(HttpSecurity http, ProblemResponses problems, ObjectProvider<JwtDecoder> decoder,
			JwtAuthenticationConverter converter) throws Exception {
		http.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no cookie authenticates these calls, so there is no request to forge
			.csrf((csrf) -> csrf.disable());
		JwtDecoder jwtDecoder = decoder.getIfAvailable();
		if (jwtDecoder != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		}
		return http;
	}

	/**
	 * The built-in issuer of staff tokens, on the service that sets
	 * {@code membership.security.token.issuer.enabled=true}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("membership.security.token.issuer.enabled")
	static class TokenIssuerConfiguration {

		@Bean
		StaffTokenIssuer staffTokenIssuer(StaffSecurityProperties properties,
				OAuth2ResourceServerProperties resourceServer, Clock clock) {
			StaffSecurityProperties.Issuer issuer = properties.token().issuer();
			if (issuer.privateKeyLocation() == null) {
				throw new IllegalStateException("membership.security.token.issuer.private-key-location is not set:"
						+ " the staff token issuer needs its RSA private key (PKCS#8 PEM). ./run-local and"
						+ " docker compose generate one; or set membership.security.token.issuer.enabled=false");
			}
			String name = resourceServer.getJwt().getIssuerUri();
			if (!StringUtils.hasText(name)) {
				throw new IllegalStateException(JWT + "issuer-uri is not set: the staff token issuer names itself"
						+ " by it, and every service accepts tokens from it");
			}
			return new StaffTokenIssuer(StaffTokenIssuer.readPrivateKey(issuer.privateKeyLocation()), name,
					issuer.timeToLive(), clock);
		}

		@Bean
		StaffTokenController staffTokenController(StaffTokenIssuer issuer) {
			return new StaffTokenController(issuer);
		}

		@Bean
		StaffOnlyApi staffTokenEndpoint() {
			return new StaffOnlyApi(HttpMethod.POST, List.of(StaffTokenController.PATH));
		}

	}

}
