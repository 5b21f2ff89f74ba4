package org.membership.support.paging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PagingDefaultsTests {

	@Test
	void theDefaultsAreSpringDataSettingsOfTheLowestPrecedence() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.yml", Map.of("spring.data.web.pageable.max-page-size", "50")));

		new PagingDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.data.web.pageable.default-page-size")).isEqualTo("20");
		assertThat(environment.getProperty("spring.data.web.pageable.serialization-mode")).isEqualTo("via-dto");
		// what a service configures wins
		assertThat(environment.getProperty("spring.data.web.pageable.max-page-size")).isEqualTo("50");
	}

}
