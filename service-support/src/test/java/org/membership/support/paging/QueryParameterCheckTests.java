package org.membership.support.paging;

import java.util.List;

import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.membership.support.problem.ProblemDetailsAutoConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The paging policy on a paged endpoint: Spring Data's settings (defaulted by the support
 * module) and every bad query parameter listed in one 400.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class QueryParameterCheckTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void aPageIs20ByDefaultAsPagedModelJson() throws Exception {
		this.mvc.perform(get("/members"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.size").value(20))
			.andExpect(jsonPath("$.page.number").value(0))
			.andExpect(jsonPath("$.content").isArray());
		this.mvc.perform(get("/members").param("size", "100").param("page", "2").param("sort", "name,desc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.size").value(100))
			.andExpect(jsonPath("$.page.number").value(2));
	}

	@Test
	void eachBadPagingParameterIsNamedWithTheRealLimit() throws Exception {
		bad(get("/members").param("size", "0")).andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 100"));
		bad(get("/members").param("size", "101")).andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 100"));
		bad(get("/members").param("size", "abc")).andExpect(jsonPath("$.errors[0].field").value("size"));
		bad(get("/members").param("page", "-1")).andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].message").value("must be 0 or more"));
		bad(get("/members").param("sort", "foo")).andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].message").value("cannot sort by 'foo'; sort by one of [name]"));
	}

	@Test
	void aListInAFixedOrderRefusesEverySort() throws Exception {
		bad(get("/announcements").param("sort", "publishedAt")).andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void everyBadQueryParameterOfOneRequestIsListed() throws Exception {
		bad(get("/members").param("size", "500").param("page", "x"))
			.andExpect(jsonPath("$.errors[*].field").value(contains("page", "size")));
		bad(get("/members").param("size", "0")
			.param("tier", "GOLD")
			.param("q", "x".repeat(20))
			.param("sort", "website"))
			.andExpect(jsonPath("$.errors[*].field").value(contains("size", "sort", "tier", "q")))
			.andExpect(jsonPath("$.errors[2].message").value("must be one of [FULL, ASSOCIATE]"))
			.andExpect(jsonPath("$.errors[3].message").value("must be at most 10 characters"));
	}

	@Test
	void aMissingRequiredParameterIsListedToo() throws Exception {
		bad(get("/announcements").param("size", "0"))
			.andExpect(jsonPath("$.errors[*].field").value(contains("size", "language")));
	}

	private ResultActions bad(RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:membership:problem:invalid-input"));
	}

	enum Tier {

		FULL, ASSOCIATE

	}

	@RestController
	static class PagedController {

		@GetMapping("/members")
		Page<String> members(@RequestParam(required = false) Tier tier,
				@RequestParam(required = false) @Size(max = 10, message = "must be at most 10 characters") String q,
				@SortableBy("name") Pageable pageable) {
			return new PageImpl<>(List.of("CLUJ IT Cluster"), pageable, 1);
		}

		@GetMapping("/announcements")
		Page<String> announcements(@RequestParam String language, @PageableDefault(size = 20) Pageable pageable) {
			return new PageImpl<>(List.of(), pageable, 0);
		}

	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ ProblemDetailsAutoConfiguration.class, PagingAutoConfiguration.class })
	@Import(PagedController.class)
	static class Config {

	}

}
