package org.fieldnotes.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldnotes.chat.DeliveryFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's own tokens for the Bot Connector: OAuth client credentials ({@code TEAMS_APP_ID},
 * {@code TEAMS_APP_PASSWORD}) at {@code <TEAMS_LOGIN_URL>/<tenant>/oauth2/v2.0/token} with the scope
 * {@code <TEAMS_TOKEN_ISSUER>/.default}, as teams.py's {@code BotTokenClient} asks. A token is kept per tenant it was
 * asked in (the bot's own tenant, {@code TEAMS_TENANT_ID}, or {@code botframework.com} for a legacy multi-tenant bot)
 * until 5 minutes before it expires; one request at a time fetches a new one, the others wait for it. A token the
 * connector refused (401) is forgotten.
 */
class TeamsTokens {

	private static final Logger log = LoggerFactory.getLogger(TeamsTokens.class);
	static final Duration MARGIN = Duration.ofMinutes(5);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Token(String value, Instant expiresAt) {
	}

	private final TeamsSettings settings;
	private final HttpClient http;
	private final Clock clock;
	private final Map<String, Token> tokens = new ConcurrentHashMap<>();
	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private final String scope;

	TeamsTokens(TeamsSettings settings, HttpClient http, Clock clock) {
		this(settings, settings.scope(), http, clock);
	}

	/** Tokens of the bot's app for another resource: e.g. Microsoft Graph ({@code https://graph.microsoft.com/.default}). */
	TeamsTokens(TeamsSettings settings, String scope, HttpClient http, Clock clock) {
		this.settings = settings;
		this.scope = scope;
		this.http = http;
		this.clock = clock;
	}

	/**
	 * A token good for at least 5 more minutes.
	 * @throws DeliveryFailed when none could be had: the login host refused the credentials (permanent) or could not
	 * be reached or answered with a server error (transient)
	 */
	String token() {
		String authority = settings.authority();
		Token token = tokens.get(authority);
		if (fresh(token)) {
			return token.value();
		}
		synchronized (locks.computeIfAbsent(authority, a -> new Object())) {
			token = tokens.get(authority);
			if (!fresh(token)) {
				token = fetch();
				tokens.put(authority, token);
			}
			return token.value();
		}
	}

	/** Forgets a token the connector refused, so that the next call fetches a new one. */
	void refused(String token) {
		tokens.computeIfPresent(settings.authority(), (a, t) -> t.value().equals(token) ? null : t);
	}

	private boolean fresh(Token token) {
		return token != null && clock.instant().isBefore(token.expiresAt().minus(MARGIN));
	}

	private Token fetch() {
		String form = "grant_type=client_credentials&client_id=" + encode(settings.appId()) + "&client_secret="
				+ encode(settings.appPassword()) + "&scope=" + encode(scope);
		URI endpoint = settings.tokenEndpoint();
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(endpoint)
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpConnectTimeoutException | java.net.ConnectException e) {
			throw new DeliveryFailed("token_unreachable", DeliveryFailed.Kind.TRANSIENT, e);
		}
		catch (IOException e) {
			throw new DeliveryFailed("token_no_answer", DeliveryFailed.Kind.TRANSIENT, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("interrupted", DeliveryFailed.Kind.TRANSIENT, e);
		}
		int status = response.statusCode();
		if (status != 200) {
			// the body may echo the client id, never the secret; its error code is enough
			log.warn("The Teams token endpoint at {} answered {}: {}", endpoint.getHost(), status, errorCode(response.body()));
			boolean retry = status == 429 || status >= 500;
			throw new DeliveryFailed("token_http_" + status,
					retry ? DeliveryFailed.Kind.TRANSIENT : DeliveryFailed.Kind.PERMANENT, null);
		}
		try {
			JsonNode body = JSON.readTree(response.body());
			String value = body.path("access_token").asString("");
			long expiresIn = body.path("expires_in").asLong(0);
			if (value.isEmpty() || expiresIn <= 0) {
				throw new DeliveryFailed("token_malformed", DeliveryFailed.Kind.TRANSIENT, null);
			}
			return new Token(value, clock.instant().plusSeconds(expiresIn));
		}
		catch (JacksonException e) {
			throw new DeliveryFailed("token_malformed", DeliveryFailed.Kind.TRANSIENT, null);
		}
	}

	private static String errorCode(String body) {
		try {
			return TeamsActivity.safe(JSON.readTree(body).path("error").asString("unknown"));
		}
		catch (JacksonException e) {
			return "unreadable";
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}
}
