package org.fieldnotes.admin.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.admin.ApiToken;
import org.fieldnotes.admin.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into {@code /api/**} only with {@code Authorization: Bearer <token>}, where the token is either the
 * bootstrap {@code FIELDNOTES_ADMIN_TOKEN} (compared in constant time) or an active stored API token (hashed and
 * looked up by its hash, see {@link ApiTokens}). The API is on when the bootstrap token is set or at least one stored
 * token is active; otherwise every call is refused as disabled. The caller's name ({@code bootstrap} or the stored
 * token's name) is left in the request attribute {@link #CALLER}. Then {@link AccessPolicy} decides whether that
 * caller may use the endpoint ({@link Operation#request}); a refusal is 403. A path without an operation has no
 * handler either (Spring answers 404).
 */
class ApiTokenFilter extends OncePerRequestFilter {

	/** Request attribute: the name of the credential that let the request in. */
	static final String CALLER = "org.fieldnotes.admin.api.caller";

	private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);

	private final byte[] token;
	private final ApiTokens tokens;
	private final AccessPolicy access;

	ApiTokenFilter(String token, ApiTokens tokens, AccessPolicy access) {
		this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
		this.tokens = tokens;
		this.access = access;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
		String given = bearer ? header.substring(7).strip() : "";
		if (token != null && bearer && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
			request.setAttribute(CALLER, ApiTokens.BOOTSTRAP);
			authorised(ApiTokens.BOOTSTRAP, request, response, chain);
			return;
		}
		Optional<ApiToken> stored;
		boolean enabled;
		try {
			stored = bearer ? tokens.verify(given) : Optional.empty();
			enabled = token != null || stored.filter(ApiToken::active).isPresent() || tokens.anyActive();
		}
		catch (DataAccessException e) {
			log.warn("Admin API token check failed, the store is unavailable: {}", e.getClass().getSimpleName());
			problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
					"The token store is unavailable; try again shortly.");
			return;
		}
		if (!enabled) {
			refuse(response, "The admin API is disabled: set FIELDNOTES_ADMIN_TOKEN to enable it.");
			return;
		}
		if (!bearer) {
			refuse(response, "Send the admin token as 'Authorization: Bearer <token>'.");
			return;
		}
		if (stored.isPresent() && !stored.get().active()) {
			refuse(response, "The admin token has been revoked.");
			return;
		}
		if (stored.isEmpty()) {
			refuse(response, "The admin token is not valid.");
			return;
		}
		request.setAttribute(CALLER, stored.get().name());
		authorised(stored.get().name(), request, response, chain);
	}

	/** Lets an authenticated caller through when the policy allows it the endpoint. */
	private void authorised(String caller, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<Operation> operation = Operation.request(request.getMethod(), path);
		if (operation.isPresent()) {
			Decision decision = access.decide(access.apiCaller(caller), operation.get(), Target.none());
			if (decision.denied()) {
				problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
						"This token may not use " + operation.get().id() + ".");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"fieldnotes\"");
		problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}
}
