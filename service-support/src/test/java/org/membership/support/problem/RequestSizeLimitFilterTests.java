package org.membership.support.problem;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitFilterTests {

	private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
			new WebRequestProperties(DataSize.ofBytes(10), Map.of()));

	@Test
	void aBodyOverTheLimitByItsLengthIs413ProblemDetails() throws Exception {
		MockHttpServletRequest request = json("{\"padding\": \"xxxxxxxx\"}");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		assertThat(response.getContentAsString()).contains("\"type\":\"urn:membership:problem:content-too-large\"")
			.contains("\"status\":413")
			.contains("\"instance\":\"/api/things\"")
			.contains("larger than 10 bytes");
	}

	@Test
	void aChunkedJsonBodyOverTheLimitIs413() throws Exception {
		MockHttpServletRequest request = chunked(json("{\"padding\": \"xxxxxxxx\"}"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void aBodyWithinTheLimitReachesTheApplicationWhole() throws Exception {
		MockHttpServletRequest request = chunked(json("{\"a\": 1}"));
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
		assertThat(new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
	}

	private static MockHttpServletRequest json(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** The same body without a Content-Length, as a chunked request arrives. */
	@Test
	void aPathWithALimitOfItsOwnTakesLargerBodiesAndNoOtherPathDoes() throws Exception {
		RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
				new WebRequestProperties(DataSize.ofBytes(10), Map.of("/api/things/bulk", DataSize.ofBytes(100))));
		String body = "{\"padding\": \"xxxxxxxx\"}";

		MockHttpServletRequest bulk = json(body);
		bulk.setRequestURI("/api/things/bulk");
		MockFilterChain bulkChain = new MockFilterChain();
		filter.doFilter(bulk, new MockHttpServletResponse(), bulkChain);

		MockHttpServletResponse other = new MockHttpServletResponse();
		MockFilterChain otherChain = new MockFilterChain();
		filter.doFilter(json(body), other, otherChain);

		assertThat(bulkChain.getRequest()).isNotNull();
		assertThat(otherChain.getRequest()).isNull();
		assertThat(other.getStatus()).isEqualTo(413);
	}

	private static MockHttpServletRequest chunked(MockHttpServletRequest request) {
		return new MockHttpServletRequest("POST", "/api/things") {

			{
				setContentType(request.getContentType());
				setContent(request.getContentAsByteArray());
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
	}

}
