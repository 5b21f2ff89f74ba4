package org.membership.support.problem;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error Spring MVC raises, and a service's own exceptions, come out as problem
 * details of the one shape.
 */
@WebMvcTest(properties = "spring.jackson.deserialization.fail-on-unknown-properties=true")
@AutoConfigureMockMvc(addFilters = false)
class ProblemDetailsAdviceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void malformedJsonIsInvalidInputWithoutFields() throws Exception {
		problem(this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": ")), 400,
				"invalid-input")
			.andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON."))
			.andExpect(jsonPath("$.errors").isEmpty());
	}

	@Test
	void anUnknownFieldIsNamedByItsPath() throws Exception {
		problem(postThing("{\"name\": \"CLUJ\", \"count\": 1, \"part\": {\"label\": \"x\", \"id\": 7}}"), 400,
				"invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("part.id"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
	}

	@Test
	void aValueOfTheWrongTypeIsNamedWithWhatItMustBe() throws Exception {
		problem(postThing("{\"name\": \"CLUJ\", \"count\": \"ninety\"}"), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("count"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("a whole number")));
		problem(postThing("{\"name\": \"CLUJ\", \"count\": 1, \"colour\": \"PURPLE\"}"), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("colour"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of [RED, GREEN]"));
	}

	@Test
	void everyInvalidFieldIsListed() throws Exception {
		problem(postThing("{\"name\": \" \", \"count\": -1, \"part\": {\"label\": \"" + "x".repeat(11) + "\"}}"), 400,
				"invalid-input")
			.andExpect(jsonPath("$.errors[*].field").value(contains("count", "name", "part.label")))
			.andExpect(jsonPath("$.detail").value(containsString("count must be greater than 0")));
	}

	@Test
	void aMissingOrBadQueryParameterOrHeaderIsNamed() throws Exception {
		problem(this.mvc.perform(get("/search")), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].message").value("is required"));
		problem(this.mvc.perform(get("/search").param("q", "x").param("limit", "ten")), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("limit"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
		problem(this.mvc.perform(get("/things/not-a-uuid")), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void aConstraintOnAQueryParameterIsNamed() throws Exception {
		problem(this.mvc.perform(get("/search").param("q", "x".repeat(20))), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 10 characters"));
	}

	@Test
	void whatSpringMvcCannotMapHasTheTypeOfItsStatus() throws Exception {
		problem(this.mvc.perform(get("/nothing/here")), 404, "not-found");
		problem(this.mvc.perform(put("/search")), 405, "method-not-allowed");
		problem(this.mvc.perform(get("/things/" + UUID.randomUUID()).accept(MediaType.APPLICATION_XML)), 406,
				"not-acceptable");
		problem(this.mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("CLUJ")), 415,
				"unsupported-media-type");
	}

	@Test
	void aServiceThrowsItsOwnProblems() throws Exception {
		problem(this.mvc.perform(get("/things/" + UUID.randomUUID())), 404, "not-found")
			.andExpect(jsonPath("$.detail").value(containsString("No thing")))
			.andExpect(jsonPath("$.instance").value(containsString("/things/")));
		problem(this.mvc.perform(post("/things/1/approval")), 409, "already-decided")
			.andExpect(jsonPath("$.currentStatus").value("REJECTED"));
		problem(this.mvc.perform(post("/things/1/rejection")), 400, "invalid-input")
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("must not repeat the last reason"));
		problem(this.mvc.perform(post("/things/1/locked")), 409, "concurrent-change");
	}

	@Test
	void anUnreachableDatabaseIs503WithRetryAfterAndWithoutItsInternals() throws Exception {
		for (String failure : List.of("connection", "transaction", "timeout", "commit")) {
			problem(this.mvc.perform(post("/things/1/database/" + failure)), 503, "service-unavailable")
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(jsonPath("$.detail").value(containsString("Send it again later")))
				.andExpect(content().string(not(containsString("secret"))));
		}
	}

	@Test
	void aTransactionFailureThatIsNotTheDatabaseStays500() throws Exception {
		problem(this.mvc.perform(post("/things/1/database/other")), 500, "internal-server-error")
			.andExpect(content().string(not(containsString("secret"))));
	}

	@Test
	void anUnexpectedErrorIs500WithoutItsInternals() throws Exception {
		problem(this.mvc.perform(get("/broken")), 500, "internal-server-error")
			.andExpect(content().string(not(containsString("secret"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	private ResultActions postThing(String json) throws Exception {
		return this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static ResultActions problem(ResultActions result, int status, String slug) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:membership:problem:" + slug))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty());
	}

	enum Colour {

		RED, GREEN

	}

	record Part(@Size(max = 10) String label) {
	}

	record Thing(@NotBlank String name, @Positive int count, Colour colour, @Valid Part part) {
	}

	static class AlreadyDecided extends ConflictException {

		AlreadyDecided() {
			super("already-decided", "Already decided", "The thing is already REJECTED.");
			setProperty("currentStatus", "REJECTED");
		}

	}

	@RestController
	static class SampleController {

		@PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping(path = "/things/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
		Thing find(@PathVariable UUID id) {
			throw new NotFoundException("No thing " + id);
		}

		@PostMapping("/things/{id}/approval")
		Thing approve(@PathVariable String id) {
			throw new AlreadyDecided();
		}

		@PostMapping("/things/{id}/rejection")
		Thing reject(@PathVariable String id) {
			throw new InvalidFieldException("reason", "must not repeat the last reason");
		}

		@PostMapping("/things/{id}/locked")
		Thing locked(@PathVariable String id) {
			throw new CannotAcquireLockException("lock wait timeout");
		}

		@PostMapping("/things/{id}/database/{failure}")
		Thing database(@PathVariable String id, @PathVariable String failure) {
			throw switch (failure) {
				case "connection" -> new CannotGetJdbcConnectionException("secret jdbc:postgresql://db");
				case "transaction" -> new CannotCreateTransactionException("secret jdbc:postgresql://db");
				case "commit" -> new TransactionSystemException("JDBC rollback failed",
						new SQLException("secret: Connection is closed"));
				case "other" -> new TransactionSystemException("secret: not about the database");
				default -> new QueryTimeoutException("secret statement");
			};
		}

		@GetMapping("/search")
		List<String> search(@RequestParam @Size(max = 10, message = "must be at most 10 characters") String q,
				@RequestParam(defaultValue = "5") int limit) {
			return List.of(q);
		}

		@GetMapping("/broken")
		String broken() {
			throw new IllegalStateException("secret connection string");
		}

	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(ProblemDetailsAutoConfiguration.class)
	@Import(SampleController.class)
	static class Config {

	}

}
