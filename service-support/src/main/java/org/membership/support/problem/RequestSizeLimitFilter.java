package org.membership.support.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers 413 (problem details) to a request body over
 * {@code membership.web.max-request-size} (64 KiB), or over the limit of its path in
 * {@code membership.web.max-request-size-by-path}, before anything reads it, security
 * included: by its Content-Length, or, for a chunked JSON body, by reading at most one
 * byte more than the limit. Form posts are also capped by the server's own form size
 * limit.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final List<PathLimit> pathLimits;

	RequestSizeLimitFilter(WebRequestProperties properties) {
		this.limit = properties.maxRequestSize().toBytes();
		this.pathLimits = properties.maxRequestSizeByPath()
			.entrySet()
			.stream()
			.map((entry) -> new PathLimit(PathPatternParser.defaultInstance.parse(entry.getKey()),
					entry.getValue().toBytes()))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitOf(request);
		long length = request.getContentLengthLong();
		if (length > limit) {
			tooLarge(request, response, limit);
			return;
		}
		if (length < 0 && isJson(request)) {
			byte[] body = request.getInputStream().readNBytes((int) limit + 1);
			if (body.length > limit) {
				tooLarge(request, response, limit);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private long limitOf(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.pathLimits.stream()
			.filter((pathLimit) -> pathLimit.pattern().matches(path))
			.mapToLong(PathLimit::bytes)
			.findFirst()
			.orElse(this.limit);
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).contains("json");
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		// the rest of the body is not read; the connection is closed after the answer
		response.setHeader("Connection", "close");
		Problems.write(request, response, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
				"Request body too large", "The request body is larger than " + limit + " bytes."));
	}

	private record PathLimit(PathPattern pattern, long bytes) {
	}

	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
