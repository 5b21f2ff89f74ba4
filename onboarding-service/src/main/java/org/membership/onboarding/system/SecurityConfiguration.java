package org.membership.onboarding.system;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. The JSON API ({@code /api/**}) uses HTTP Basic, no session and no CSRF
 * token (no cookie authenticates it); submitting and the applicant's status view are
 * open, every other endpoint needs the role STAFF. The web pages use a session: the form
 * and the status page are open (CSRF-protected), the console at {@code /staff} needs a
 * STAFF login. Users come from configuration with bcrypt hashes; the {@code staff} user's
 * password from {@code STAFF_PASSWORD}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String STAFF = "STAFF";

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/applications")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/applications/*/status")
				.permitAll()
				.anyRequest()
				.hasRole(STAFF))
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"onboarding\"");
				Problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
						"This endpoint needs a staff user (HTTP Basic).", request.getRequestURI());
			}))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler((request, response, ex) -> Problems.write(response, HttpStatus.FORBIDDEN,
						"Forbidden", "This endpoint needs the role " + STAFF + ".", request.getRequestURI())))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuator(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
						.permitAll()
						.anyRequest()
						.hasRole(STAFF))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/staff", "/staff/**").hasRole(STAFF).anyRequest().permitAll())
			.formLogin((form) -> form.defaultSuccessUrl("/staff", false))
			.logout((logout) -> logout.logoutSuccessUrl("/"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(StaffSecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		users.add(User.withUsername("staff")
			.password("{bcrypt}" + new BCryptPasswordEncoder().encode(staffPassword(properties)))
			.roles(STAFF)
			.build());
		add(users, properties.users(), STAFF);
		add(users, properties.otherUsers(), "USER");
		return new InMemoryUserDetailsManager(users);
	}

	private static void add(List<UserDetails> users, Map<String, String> configured, String role) {
		configured.forEach((name, hash) -> {
			if (!hash.startsWith("{bcrypt}")) {
				throw new IllegalStateException("The password of user '" + name
						+ "' must be a bcrypt hash written as {bcrypt}$2a$..., not a password");
			}
			users.add(User.withUsername(name).password(hash).roles(role).build());
		});
	}

	private static String staffPassword(StaffSecurityProperties properties) {
		if (!properties.staffPassword().isBlank()) {
			return properties.staffPassword();
		}
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		logger.warn("STAFF_PASSWORD is not set; the password of the user 'staff' for this run is: {}", generated);
		return generated;
	}

}
