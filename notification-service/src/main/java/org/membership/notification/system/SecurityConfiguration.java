package org.membership.notification.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public reads announcements; only STAFF see notifications (HTTP Basic, no session).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/announcements", "/announcements/**", "/announcements.atom",
					"/api/announcements", "/api/announcements/**")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
			.permitAll()
			.requestMatchers("/api/**", "/actuator/**")
			.hasRole("STAFF")
			.anyRequest()
			.denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(SecurityConfiguration::unauthorized)
				.accessDeniedHandler((request, response, denied) -> problem(response, HttpStatus.FORBIDDEN,
						"Only staff may do this", request.getRequestURI())))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no browser form posts here: every write is a staff API call with Basic
			// credentials
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService staffUsers(SecurityProperties properties, PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		properties.users().forEach((name, hash) -> {
			if (!(name.equals("staff") && hasText(properties.staffPassword()))) {
				users.add(User.withUsername(name).password(hash).roles("STAFF").build());
			}
		});
		if (hasText(properties.staffPassword())) {
			users.add(User.withUsername("staff")
				.password(encoder.encode(properties.staffPassword()))
				.roles("STAFF")
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"notification-service\"");
		problem(response, HttpStatus.UNAUTHORIZED, "Staff credentials (HTTP Basic) are needed",
				request.getRequestURI());
	}

	// RFC 9457, like every other error of the service
	private static void problem(HttpServletResponse response, HttpStatus status, String detail, String instance)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
					+ instance.replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\"}");
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
