package org.membership.notification.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
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
			.httpBasic(Customizer.withDefaults())
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

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
