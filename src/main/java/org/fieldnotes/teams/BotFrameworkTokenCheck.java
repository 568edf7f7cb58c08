package org.fieldnotes.teams;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks the Bot Framework token of an inbound activity as the official SDK (teams.py's {@code token_validator}) does,
 * and a little more: a bearer JWT, signed with RS256 (nothing else: not {@code none}, not HS256) by a current Bot
 * Framework key; issued by {@code TEAMS_TOKEN_ISSUER}; for this bot ({@code aud} the app id, {@code api://<app id>}
 * or {@code api://botid-<app id>}); within its {@code nbf}/{@code exp}/{@code iat} give or take 5 minutes; and with a
 * {@code serviceurl} claim equal to the activity's {@code serviceUrl} (a trailing slash aside). Where the key lists
 * the channels it is endorsed for, the activity's channel must be among them (the older SDKs' check; teams.py dropped
 * it). Tokens Microsoft Entra issues to agents ({@code login.microsoftonline.com}, {@code sts.windows.net}) carry no
 * {@code serviceurl} and are refused by their issuer.
 */
class BotFrameworkTokenCheck {

	static final Duration LEEWAY = Duration.ofMinutes(5);

	/** What an unreadable body is compared with: no service URL, no channel, so no token matches it. */
	private static final TeamsActivity NO_ACTIVITY = new TeamsActivity(null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null);

	private final BotFrameworkKeys keys;
	private final String issuer;
	private final List<String> audiences;
	private final Clock clock;

	BotFrameworkTokenCheck(BotFrameworkKeys keys, String issuer, String appId, Clock clock) {
		this.keys = keys;
		this.issuer = issuer;
		String id = appId.strip();
		this.audiences = List.of(id, "api://" + id, "api://botid-" + id);
		this.clock = clock;
	}

	/**
	 * Why the request is refused, or empty when its token is good for this activity.
	 * @param activity the activity the token came with; {@literal null} when the body could not be read (then no
	 * token is good for it)
	 * @param authorization the request's {@code Authorization} header
	 * @throws BotFrameworkKeys.Unavailable when the keys could not be fetched (nothing can be checked)
	 */
	Optional<String> problem(String authorization, TeamsActivity activity) {
		if (activity == null) {
			activity = NO_ACTIVITY;
		}
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of("missing_bearer_token");
		}
		String token = authorization.substring(7).strip();
		JWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = JWTParser.parse(token);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException e) {
			return Optional.of("malformed_token");
		}
		if (!(jwt instanceof SignedJWT signed)) {
			return Optional.of("unsigned_token"); // alg none, or an encrypted token
		}
		if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
			return Optional.of("algorithm_not_allowed");
		}
		String kid = signed.getHeader().getKeyID();
		if (kid == null || kid.isBlank()) {
			return Optional.of("no_key_id");
		}
		// the issuer before any key is looked up: an Entra token (or anyone's) does not make us fetch keys
		if (!issuer.equals(claims.getIssuer())) {
			return Optional.of(entraIssued(claims.getIssuer()) ? "entra_token" : "wrong_issuer");
		}
		Optional<BotFrameworkKeys.Key> key = keys.key(kid);
		if (key.isEmpty()) {
			return Optional.of("unknown_key");
		}
		try {
			if (!signed.verify(new RSASSAVerifier(key.get().rsa()))) {
				return Optional.of("bad_signature");
			}
		}
		catch (JOSEException e) {
			return Optional.of("bad_signature");
		}
		List<String> endorsements = key.get().endorsements();
		if (!endorsements.isEmpty() && (activity.channelId() == null || !endorsements.contains(activity.channelId()))) {
			return Optional.of("key_not_endorsed_for_channel");
		}
		if (claims.getAudience().stream().noneMatch(a -> audiences.stream().anyMatch(a::equalsIgnoreCase))) {
			return Optional.of("wrong_audience");
		}
		Instant now = clock.instant();
		if (claims.getExpirationTime() == null || now.isAfter(plus(claims.getExpirationTime(), LEEWAY))) {
			return Optional.of("expired");
		}
		if (claims.getNotBeforeTime() != null && now.isBefore(plus(claims.getNotBeforeTime(), LEEWAY.negated()))) {
			return Optional.of("not_yet_valid");
		}
		if (claims.getIssueTime() != null && now.isBefore(plus(claims.getIssueTime(), LEEWAY.negated()))) {
			return Optional.of("issued_in_the_future");
		}
		Object serviceUrl = claims.getClaim("serviceurl");
		if (!(serviceUrl instanceof String claimed) || activity.serviceUrl() == null
				|| !withoutSlash(claimed).equals(withoutSlash(activity.serviceUrl()))) {
			return Optional.of("service_url_mismatch");
		}
		return Optional.empty();
	}

	private static boolean entraIssued(String iss) {
		String i = iss == null ? "" : iss.toLowerCase(Locale.ROOT);
		return i.startsWith("https://login.microsoftonline.") || i.startsWith("https://sts.windows.net/");
	}

	private static Instant plus(Date date, Duration duration) {
		return date.toInstant().plus(duration);
	}

	private static String withoutSlash(String url) {
		String u = url.strip();
		while (u.endsWith("/")) {
			u = u.substring(0, u.length() - 1);
		}
		return u;
	}
}
