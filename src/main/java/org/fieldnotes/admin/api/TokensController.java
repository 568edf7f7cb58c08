package org.fieldnotes.admin.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fieldnotes.access.TokenScope;
import org.fieldnotes.admin.ApiToken;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.Violation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Named admin API tokens: create (the token is in the answer, once; with a scope, {@code admin} by default or
 * {@code read-only}, and optionally a programme it is limited to), list (never a secret) and revoke. Only a token
 * with scope admin and no programme may manage them (the policy refuses the others before they get here). Audited as {@code token-create} and {@code token-revoke} with the token's name,
 * prefix and the caller's name; the token itself is never logged nor audited.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensController {

	static final String NAME_RULE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";
	static final String SCOPE_RULE = "must be 'admin' or 'read-only'";
	static final String PROGRAM_RULE = "must be the name of a programme, 1 to 200 characters (or left out for none)";
	private static final int MAX_PROGRAM = 200;

	private final ApiTokens tokens;
	private final AuditLog audit;

	TokensController(ApiTokens tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	@PostMapping
	ResponseEntity<CreatedToken> create(@RequestBody(required = false) TokenRequest request,
			@RequestAttribute(ApiTokenFilter.CALLER) String caller) {
		Violation violation = check(request);
		if (violation != null) {
			audit.record(AuditRecord.API, "token-create", null, null, AuditLog.REFUSED,
					"fields: " + violation.field() + "; by " + caller);
			throw new InvalidToken(violation);
		}
		ApiTokens.Created created;
		try {
			created = tokens.create(request.name().asString(), scopeOf(request), programOf(request), caller);
		}
		catch (ApiTokens.DuplicateName e) {
			audit.record(AuditRecord.API, "token-create", null, null, AuditLog.REFUSED,
					"duplicate name " + request.name().asString() + "; by " + caller);
			throw e;
		}
		ApiToken stored = created.stored();
		audit.record(AuditRecord.API, "token-create", null, null, AuditLog.DONE,
				"token " + stored.name() + " (" + stored.prefix() + "); by " + caller);
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new CreatedToken(stored.name(), created.token(), stored.prefix(), stored.createdAt(),
					stored.effectiveScope().key(), stored.program()));
	}

	@GetMapping
	List<TokenResponse> list() {
		return tokens.all().stream().map(TokenResponse::of).toList();
	}

	/** 204 whether the token was active or already revoked; 404 when no token ever had the name. */
	@DeleteMapping("/{name}")
	ResponseEntity<Void> revoke(@PathVariable String name, @RequestAttribute(ApiTokenFilter.CALLER) String caller) {
		ApiTokens.Revocation revocation = tokens.revoke(name);
		if (revocation.outcome() == ApiTokens.Revocation.Outcome.UNKNOWN) {
			audit.record(AuditRecord.API, "token-revoke", null, null, AuditLog.REFUSED, "unknown token; by " + caller);
			throw new UnknownToken(name);
		}
		ApiToken token = revocation.token().orElseThrow();
		audit.record(AuditRecord.API, "token-revoke", null, null, AuditLog.DONE,
				"token " + token.name() + " (" + token.prefix() + ")"
						+ (revocation.outcome() == ApiTokens.Revocation.Outcome.ALREADY_REVOKED ? " already revoked" : "")
						+ "; by " + caller);
		return ResponseEntity.noContent().build();
	}

	private static Violation check(TokenRequest request) {
		if (request == null) {
			return new Violation("body", "is required: {\"name\": \"...\"}");
		}
		if (request.name() == null || request.name().isNull()
				|| request.name().isString() && request.name().asString().isEmpty()) {
			return new Violation("name", "is required");
		}
		if (!request.name().isString() || !ApiTokens.validName(request.name().asString())) {
			return new Violation("name", NAME_RULE);
		}
		if (given(request.scope()) && (!request.scope().isString()
				|| TokenScope.parse(request.scope().asString()).isEmpty())) {
			return new Violation("scope", SCOPE_RULE);
		}
		if (given(request.program()) && (!request.program().isString() || request.program().asString().isBlank()
				|| request.program().asString().strip().length() > MAX_PROGRAM)) {
			return new Violation("program", PROGRAM_RULE);
		}
		return null;
	}

	private static boolean given(JsonNode value) {
		return value != null && !value.isNull();
	}

	/** {@code admin} unless the request says {@code read-only}. */
	private static TokenScope scopeOf(TokenRequest request) {
		return given(request.scope()) ? TokenScope.parse(request.scope().asString()).orElseThrow() : TokenScope.ADMIN;
	}

	private static String programOf(TokenRequest request) {
		return given(request.program()) ? request.program().asString().strip() : null;
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidToken e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", e.violation.field(), "message", e.violation.message())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail duplicate(ApiTokens.DuplicateName e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				e.getMessage() + "; revoke it first or choose another name.");
		problem.setTitle("Duplicate name");
		problem.setProperty("errors", List.of(Map.of("field", "name", "message", "is taken by an active token")));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknown(UnknownToken e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	/** The fields as JSON, so that a number or an object is refused rather than turned into text. */
	record TokenRequest(JsonNode name, JsonNode scope, JsonNode program) {
	}

	/** The answer to a creation: the only place the token ever appears. */
	record CreatedToken(String name, String token, String prefix, Instant createdAt, String scope, String program) {

		@Override
		public String toString() {
			return "CreatedToken[name=" + name + ", prefix=" + prefix + "]";
		}
	}

	/** @param scope {@code admin} or {@code read-only}; @param program the programme it is limited to, or null */
	record TokenResponse(String name, String prefix, Instant createdAt, String createdBy, Instant lastUsedAt,
			Instant revokedAt, String scope, String program) {

		static TokenResponse of(ApiToken token) {
			return new TokenResponse(token.name(), token.prefix(), token.createdAt(), token.createdBy(),
					token.lastUsedAt(), token.revokedAt(), token.effectiveScope().key(), token.program());
		}
	}

	static class InvalidToken extends RuntimeException {

		private final transient Violation violation;

		InvalidToken(Violation violation) {
			super("The token was not created: " + violation.field() + " " + violation.message());
			this.violation = violation;
		}
	}

	static class UnknownToken extends RuntimeException {

		UnknownToken(String name) {
			super(ApiTokens.validName(name) ? "No API token called " + name : "No API token has that name");
		}
	}
}
