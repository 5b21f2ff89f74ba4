package org.membership.support.problem;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.membership.support.problem.Problems.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

	@Test
	void aProblemWithoutASlugOfItsOwnIsNamedAfterItsStatus() {
		assertThat(Problems.type(HttpStatus.METHOD_NOT_ALLOWED))
			.hasToString("urn:membership:problem:method-not-allowed");
		ProblemDetail forbidden = Problems.problem(HttpStatus.FORBIDDEN, "This endpoint needs the role STAFF.");
		assertThat(forbidden.getType()).hasToString("urn:membership:problem:forbidden");
		assertThat(forbidden.getTitle()).isEqualTo("Forbidden");
	}

	@Test
	void invalidInputSaysEveryBadFieldInItsDetail() {
		ProblemDetail problem = Problems.invalidInput(List.of(new FieldProblem("size", "must be between 1 and 100"),
				new FieldProblem("sort", "cannot sort by 'foo'")));
		assertThat(problem.getDetail()).isEqualTo("size must be between 1 and 100; sort cannot sort by 'foo'.");
		assertThat(problem.getProperties()).containsKey("errors");
	}

	@Test
	void writtenOutsideSpringMvcTheProblemHasTheSameShape() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		Problems.write(new MockHttpServletRequest("GET", "/api/members"), response,
				Problems.invalidInput(List.of(new FieldProblem("tier", "must be one of [FULL, ASSOCIATE]"))));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		// the errors are a top-level member, as Spring MVC writes them
		assertThat(response.getContentAsString()).contains("\"type\":\"urn:membership:problem:invalid-input\"")
			.contains("\"errors\":[{\"field\":\"tier\",\"message\":\"must be one of [FULL, ASSOCIATE]\"}]")
			.contains("\"instance\":\"/api/members\"")
			.doesNotContain("\"properties\"");
	}

	@Test
	void aValueThatCouldNotBeReadSaysWhatItMustBe() {
		assertThat(Problems.invalidValue(HttpStatus.class)).startsWith("must be one of [");
		assertThat(Problems.invalidValue(int.class)).isEqualTo("must be a whole number");
		assertThat(Problems.invalidValue(LocalDate.class)).isEqualTo("must be a date (yyyy-MM-dd)");
		assertThat(Problems.invalidValue(Object.class)).isEqualTo("has an invalid value");
	}

}
