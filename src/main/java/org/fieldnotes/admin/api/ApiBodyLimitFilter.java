package org.fieldnotes.admin.api;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses admin API bodies over {@value #MAX_BYTES} bytes (1 MiB) with {@code 413} problem+json naming {@code body},
 * whether the size is announced ({@code Content-Length}) or not (chunked): the body is read up to one byte past the
 * limit and then handed on. The CSV import ({@code …:import}) has its own, larger limit (5 MB) and is left alone.
 */
class ApiBodyLimitFilter extends OncePerRequestFilter {

	static final int MAX_BYTES = 1024 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		boolean hasBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
		return !hasBody || request.getRequestURI().endsWith(":import");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			refuse(response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			refuse(response);
			return;
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(413);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Connection", "close");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Body too large\",\"status\":413,"
					+ "\"detail\":\"The body is larger than 1 MiB (" + MAX_BYTES + " bytes).\","
					+ "\"errors\":[{\"field\":\"body\",\"message\":\"is larger than 1 MiB\"}]}");
	}

	/** Lets the controllers read the body the filter already read. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
