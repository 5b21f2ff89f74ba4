package org.membership.support.web;

import java.util.stream.LongStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pager of {@code membership/paging.html}, which the dead letters, the console and
 * the announcement drafts share: the table in its wrapper, and links that keep the list's
 * own query parameters.
 */
class PagingFragmentTests {

	private final SpringTemplateEngine engine = engine();

	@Test
	void aMiddlePageLinksBothWaysKeepingTheListsFilter() {
		String html = render(page(1, 45), "DRAFT");
		assertThat(html).contains("<div class=\"table-wrap\">")
			.contains("<table class=\"things\">")
			.contains("<nav class=\"pages\" aria-label=\"Pages\">")
			.contains("<a href=\"/staff/things?status=DRAFT&amp;page=0\">Newer</a>")
			.contains("<span>Page 2 of 3</span>")
			.contains("<a href=\"/staff/things?status=DRAFT&amp;page=2\">Older</a>");
	}

	@Test
	void aListWithoutQueryParametersGetsOnlyThePage() {
		String html = render(page(0, 45), null);
		assertThat(html).contains("<a href=\"/staff/things?page=1\">Older</a>").doesNotContain("Newer");
	}

	@Test
	void oneShortPageHasNoPagerAndAnEmptyListNoTable() {
		assertThat(render(page(0, 3), "DRAFT")).contains("<table class=\"things\">").doesNotContain("class=\"pages\"");
		assertThat(render(page(0, 0), "DRAFT")).doesNotContain("<table").doesNotContain("table-wrap");
	}

	private static Page<String> page(int number, long total) {
		PageRequest request = PageRequest.of(number, 20);
		long size = Math.max(0, Math.min(20, total - request.getOffset()));
		return new PageImpl<>(LongStream.range(0, size).mapToObj((i) -> "thing " + i).toList(), request, total);
	}

	private String render(Page<String> page, String status) {
		MockServletContext servletContext = new MockServletContext();
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/staff/things");
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
			.buildExchange(request, new MockHttpServletResponse()));
		context.setVariables(Map.of("page", page));
		if (status != null) {
			context.setVariable("status", status);
		}
		return this.engine.process("paging-tests/list", context);
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
