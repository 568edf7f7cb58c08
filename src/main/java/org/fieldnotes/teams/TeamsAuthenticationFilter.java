package org.fieldnotes.teams;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.servlet.CachedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before {@code /teams/messages}: nothing reaches the endpoint (so nothing is stored, no service URL is kept)
 * unless the request carries a good Bot Framework token for the activity in its body ({@link BotFrameworkTokenCheck}).
 * The body is read once, here, and handed on with the activity read from it. A refusal is a 401 (a body too large,
 * 413; keys that cannot be fetched, 503), as {@code application/problem+json} naming the reason.
 *
 * <p>With {@code TEAMS_DEV_UNAUTHENTICATED} (loopback only, checked at start) no token is checked.
 */
class TeamsAuthenticationFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(TeamsAuthenticationFilter.class);
	/** The request attribute the authenticated activity is handed on in. */
	static final String ACTIVITY = TeamsActivity.class.getName();

	private final BotFrameworkTokenCheck check;
	private final int maxBodyBytes;

	/** @param check {@literal null} only in development mode: no token is checked */
	TeamsAuthenticationFilter(BotFrameworkTokenCheck check, int maxBodyBytes) {
		this.check = check;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "post_only");
			return;
		}
		if (request.getContentLengthLong() > maxBodyBytes) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body_too_large");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
		if (body.length > maxBodyBytes) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body_too_large");
			return;
		}
		TeamsActivity activity;
		try {
			activity = TeamsActivity.parse(body);
		}
		catch (IllegalArgumentException e) {
			activity = null;
		}
		if (check != null) {
			Optional<String> problem;
			try {
				problem = check.problem(request.getHeader("Authorization"), activity);
			}
			catch (BotFrameworkKeys.Unavailable e) {
				refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "signing_keys_unavailable");
				return;
			}
			if (problem.isPresent()) {
				log.warn("Refused a Teams request: {}", problem.get());
				refuse(response, HttpServletResponse.SC_UNAUTHORIZED, problem.get());
				return;
			}
		}
		if (activity == null) {
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, "not_an_activity");
			return;
		}
		request.setAttribute(ACTIVITY, activity);
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"Refused\","
				+ "\"detail\":\"" + reason + "\"}");
	}
}
