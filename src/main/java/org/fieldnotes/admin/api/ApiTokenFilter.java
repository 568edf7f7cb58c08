package org.fieldnotes.admin.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into {@code /api/**} only with {@code Authorization: Bearer <FIELDNOTES_ADMIN_TOKEN>}, compared in
 * constant time. Without a configured token every call is refused.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final byte[] token;

	ApiTokenFilter(String token) {
		this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (token == null) {
			refuse(response, "The admin API is disabled: set FIELDNOTES_ADMIN_TOKEN to enable it.");
			return;
		}
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			refuse(response, "Send the admin token as 'Authorization: Bearer <token>'.");
			return;
		}
		byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(token, given)) {
			refuse(response, "The admin token is not valid.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer realm=\"fieldnotes\"");
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
	}
}
