package org.membership.directory.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The directory is public; operating it (dead letters, rebuild, metrics) is for STAFF,
 * with HTTP Basic against users from configuration.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String STAFF = "STAFF";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
					.permitAll()
					.requestMatchers(EndpointRequest.toAnyEndpoint())
					.hasRole(STAFF)
					.requestMatchers("/api/dead-letters/**", "/api/directory/**")
					.hasRole(STAFF)
					.anyRequest()
					.permitAll())
			.httpBasic(Customizer.withDefaults())
			// no browser sessions: the only authenticated callers are API clients
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager staffUsers(StaffProperties properties, PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		properties.users().forEach((name, hash) -> {
			if (!(name.equals("staff") && hasText(properties.staffPassword()))) {
				users.add(User.withUsername(name).password(hash).roles(STAFF).build());
			}
		});
		if (hasText(properties.staffPassword())) {
			users.add(User.withUsername("staff")
				.password(encoder.encode(properties.staffPassword()))
				.roles(STAFF)
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
