package org.fieldnotes.admin.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.access.TokenScope;
import org.fieldnotes.admin.ApiToken;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request into {@code /api/**} only with {@code Authorization: Bearer <token>}, where the token is either the
 * bootstrap {@code FIELDNOTES_ADMIN_TOKEN} (compared in constant time; scope admin, no programme) or an active stored
 * API token (hashed and looked up by its hash, see {@link ApiTokens}; with its scope and programme). The API is on
 * when the bootstrap token is set or at least one stored token is active; otherwise every call is refused as
 * disabled.
 *
 * <p>Then, failing closed: a request that is no {@link Operation} is a 404 and reaches no controller. For one that
 * is, {@link AccessPolicy} decides, with the target the path names (the placement of {@code {id}}, the programme of
 * {@code {program}}): a read-only token asking to write, or a programme's token asking for something
 * installation-wide, is a 403 naming what it lacks; a programme's token asking about another programme's placement
 * or settings is the same 404 as for one that does not exist. The caller's name and {@link Actor} are left in the
 * request attributes {@link #CALLER} and {@link #ACTOR} for handlers that ask again with a target of their own.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	/** Request attribute: the name of the credential that let the request in. */
	static final String CALLER = "org.fieldnotes.admin.api.caller";

	/** Request attribute: the {@link Actor} the policy decided for (its scope and programme included). */
	static final String ACTOR = "org.fieldnotes.admin.api.actor";

	private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final byte[] token;
	private final ApiTokens tokens;
	private final AccessPolicy access;
	private final PlacementManagement placements;

	ApiTokenFilter(String token, ApiTokens tokens, AccessPolicy access, PlacementManagement placements) {
		this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
		this.tokens = tokens;
		this.access = access;
		this.placements = placements;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
		String given = bearer ? header.substring(7).strip() : "";
		if (token != null && bearer && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
			authorised(ApiTokens.BOOTSTRAP, access.apiCaller(ApiTokens.BOOTSTRAP), request, response, chain);
			return;
		}
		Optional<ApiToken> stored;
		boolean enabled;
		try {
			stored = bearer ? tokens.verify(given) : Optional.empty();
			enabled = token != null || stored.filter(ApiToken::active).isPresent() || tokens.anyActive();
		}
		catch (DataAccessException e) {
			storeDown(response, e);
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
		ApiToken caller = stored.get();
		authorised(caller.name(), access.apiCaller(caller.name(), caller.effectiveScope(), caller.program()), request,
				response, chain);
	}

	/** Lets an authenticated caller through to an operation the policy allows it; fails closed otherwise. */
	private void authorised(String caller, Actor actor, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<Operation.Match> match = Operation.match(request.getMethod(), path);
		if (match.isEmpty()) {
			problem(response, HttpServletResponse.SC_NOT_FOUND, "Not found",
					"There is no " + request.getMethod() + " " + path + " in the admin API (see docs/admins.md → Admin API).",
					null);
			return;
		}
		Operation operation = match.get().operation();
		Target target;
		try {
			target = target(operation, match.get().variables());
		}
		catch (DataAccessException e) {
			storeDown(response, e);
			return;
		}
		Decision decision = access.decide(actor, operation, target);
		if (decision.denied()) {
			refuse(decision, actor, operation, match.get().variables(), response);
			return;
		}
		request.setAttribute(CALLER, caller);
		request.setAttribute(ACTOR, actor);
		chain.doFilter(request, response);
	}

	/** What the path names: the placement of {@code {id}} (when it exists) or the programme of {@code {program}}. */
	private Target target(Operation operation, Map<String, String> variables) {
		if (operation.on() == Operation.On.PLACEMENT && variables.containsKey("id")) {
			try {
				return Target.placement(placements.get(variables.get("id")));
			}
			catch (PlacementNotFound e) {
				return Target.none(); // the handler answers 404, to every caller alike
			}
		}
		if (operation.on() == Operation.On.PROGRAM && variables.containsKey("program")) {
			return Target.program(variables.get("program"));
		}
		return Target.none();
	}

	private static void refuse(Decision decision, Actor actor, Operation operation, Map<String, String> variables,
			HttpServletResponse response) throws IOException {
		switch (decision.reason()) {
			case READ_ONLY_TOKEN:
				problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "This token is read-only: "
						+ operation.id() + " needs a token with scope '" + TokenScope.ADMIN.key() + "'.",
						Map.of("requiredScope", TokenScope.ADMIN.key()));
				return;
			case PROGRAM_TOKEN:
				problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "This token is limited to programme '"
						+ actor.program() + "': " + operation.id()
						+ " concerns every programme and needs a token that is not limited to one.",
						Map.of("program", actor.program()));
				return;
			case OTHER_PROGRAM:
				// as if it did not exist: a programme's token learns nothing about other programmes
				problem(response, HttpServletResponse.SC_NOT_FOUND, "Not found",
						variables.containsKey("id") ? new PlacementNotFound(variables.get("id")).getMessage()
								: "No programme called " + variables.getOrDefault("program", "").strip(),
						null);
				return;
			default:
				problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
						"This token may not use " + operation.id() + ".", null);
		}
	}

	private static void storeDown(HttpServletResponse response, DataAccessException e) throws IOException {
		log.warn("Admin API token check failed, the store is unavailable: {}", e.getClass().getSimpleName());
		problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
				"The token store is unavailable; try again shortly.", null);
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"fieldnotes\"");
		problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail, null);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail,
			Map<String, String> more) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		if (more != null) {
			body.putAll(more);
		}
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(body));
	}
}
