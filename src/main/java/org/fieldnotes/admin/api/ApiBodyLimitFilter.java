package org.fieldnotes.admin.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.servlet.CachedBodyRequest;
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
		chain.doFilter(new CachedBodyRequest(request, body), response);
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
}
