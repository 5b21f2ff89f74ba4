package org.membership.support.paging;

import jakarta.validation.Validator;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;
import org.springframework.boot.data.autoconfigure.web.DataWebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One paging policy for every paged list: default 20, maximum 100 (Spring Data's
 * settings, defaulted by {@link PagingDefaults}), and every bad page, size, sort or other
 * query parameter of a paged endpoint answered 400 together
 * ({@link QueryParameterCheck}).
 */
@AutoConfiguration(after = DataWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DataWebProperties.class)
public class PagingAutoConfiguration {

	@Bean
	WebMvcConfigurer queryParameterCheck(DataWebProperties properties, BeanFactory beans,
			ObjectProvider<Validator> validator) {
		// looked up at the first request: the configuration that collects this configurer
		// is the one that makes the MVC conversion service
		QueryParameterCheck check = new QueryParameterCheck(PageRules.of(properties),
				() -> beans.getBean("mvcConversionService", ConversionService.class), validator::getIfUnique);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(check);
			}

		};
	}

}
