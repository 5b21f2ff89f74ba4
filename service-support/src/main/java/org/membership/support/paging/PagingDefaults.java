package org.membership.support.paging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The paging policy of every service as Spring Data's own settings, with the lowest
 * precedence (a service's {@code application.yml} or the environment may still change
 * them): pages of 20 by default and at most 100, serialized as the stable
 * {@code PagedModel} JSON ({@code content} + {@code page}). Settings rather than
 * {@code @EnableSpringDataWebSupport}, which makes Boot's settings back off.
 */
class PagingDefaults implements EnvironmentPostProcessor, Ordered {

	static final String NAME = "membershipPagingDefaults";

	static final Map<String, Object> DEFAULTS = Map.of("spring.data.web.pageable.default-page-size", 20,
			"spring.data.web.pageable.max-page-size", 100, "spring.data.web.pageable.serialization-mode", "via-dto");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// after the config data (application.yml) is loaded, so that it goes behind it
		environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
