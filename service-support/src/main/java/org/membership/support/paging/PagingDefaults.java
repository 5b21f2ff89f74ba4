package org.membership.support.paging;

import java.util.Map;

import org.membership.support.DefaultSettings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The paging policy of every service as Spring Data's own settings, defaulted as
 * {@link DefaultSettings} (a service's {@code application.yml} or the environment may
 * still change them): pages of 20 by default and at most 100, serialized as the stable
 * {@code PagedModel} JSON ({@code content} + {@code page}). Settings rather than
 * {@code @EnableSpringDataWebSupport}, which makes Boot's settings back off.
 */
class PagingDefaults implements EnvironmentPostProcessor {

	static final Map<String, Object> DEFAULTS = Map.of("spring.data.web.pageable.default-page-size", 20,
			"spring.data.web.pageable.max-page-size", 100, "spring.data.web.pageable.serialization-mode", "via-dto");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DefaultSettings.addTo(environment, DEFAULTS);
	}

}
