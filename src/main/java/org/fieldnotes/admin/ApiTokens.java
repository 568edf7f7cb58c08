package org.fieldnotes.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.fieldnotes.access.TokenScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The {@code api_tokens} collection: named, revocable admin API tokens, in addition to the bootstrap
 * {@code FIELDNOTES_ADMIN_TOKEN}. A token is {@code fn_} and 32 random bytes in base64url; it is handed out once and
 * only its SHA-256 is kept. A presented token is hashed and looked up by its hash, so no stored secret is ever
 * compared character by character. Nothing here logs a token, only its name and prefix.
 */
@Service
public class ApiTokens {

	/** The name {@code createdBy} records for the bootstrap token. */
	public static final String BOOTSTRAP = "bootstrap";

	/** Every stored token starts with this, so it is recognisable in a secret scanner and in a config file. */
	public static final String TOKEN_PREFIX = "fn_";

	/** How long a token's {@code lastUsedAt} stays as it is, however often the token is used. */
	public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	private static final int PREFIX_LENGTH = 8;
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

	private final MongoTemplate mongo;
	private final Clock clock;

	ApiTokens(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A name is 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}. */
	public static boolean validName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/** Makes an admin token limited to no programme; see {@link #create(String, TokenScope, String, String)}. */
	public Created create(String name, String createdBy) {
		return create(name, TokenScope.ADMIN, null, createdBy);
	}

	/**
	 * Makes a token. The returned {@link Created#token()} is the only time the token exists outside the caller's
	 * hands.
	 *
	 * @param scope what it may do ({@literal null}: admin)
	 * @param program the programme it is limited to, or {@literal null} for none
	 * @throws IllegalArgumentException when the name is not {@linkplain #validName valid}
	 * @throws DuplicateName when an active token already has the name
	 */
	public Created create(String name, TokenScope scope, String program, String createdBy) {
		if (!validName(name)) {
			throw new IllegalArgumentException("invalid token name");
		}
		if (mongo.exists(Query.query(Criteria.where("activeName").is(name)), ApiToken.class)) {
			throw new DuplicateName(name);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		ApiToken stored = new ApiToken(new ObjectId().toHexString(), name, name, hash(token),
				token.substring(0, PREFIX_LENGTH), now(), createdBy, null, null, TokenScope.orAdmin(scope),
				program == null || program.isBlank() ? null : program.strip());
		try {
			mongo.insert(stored);
		}
		catch (DuplicateKeyException e) {
			// another request took the name between the check and the insert
			throw new DuplicateName(name);
		}
		log.info("API token {} ({}) created by {}; scope {}{}", stored.name(), stored.prefix(), createdBy,
				stored.effectiveScope().key(), stored.program() == null ? "" : ", limited to a programme");
		return new Created(stored, token);
	}

	/** Every token, active and revoked, oldest first. */
	public List<ApiToken> all() {
		return mongo.find(new Query().with(Sort.by("createdAt", "_id")), ApiToken.class);
	}

	/** Whether any token is active: with one, the admin API is on even without a bootstrap token. */
	public boolean anyActive() {
		return mongo.exists(Query.query(Criteria.where("revokedAt").isNull()), ApiToken.class);
	}

	/**
	 * Revokes the active token of that name; revoking again changes nothing.
	 *
	 * @return the revoked token (with its revocation time), or the latest revoked token of that name when none is
	 * active, or empty when no token ever had the name
	 */
	public Revocation revoke(String name) {
		if (!validName(name)) {
			return new Revocation(Revocation.Outcome.UNKNOWN, Optional.empty());
		}
		Instant now = now();
		ApiToken revoked = mongo.findAndModify(Query.query(Criteria.where("activeName").is(name)),
				new Update().set("revokedAt", now).unset("activeName"),
				org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), ApiToken.class);
		if (revoked != null) {
			log.info("API token {} ({}) revoked", revoked.name(), revoked.prefix());
			return new Revocation(Revocation.Outcome.REVOKED, Optional.of(revoked));
		}
		ApiToken earlier = mongo.findOne(Query.query(Criteria.where("name").is(name))
			.with(Sort.by(Sort.Direction.DESC, "revokedAt", "_id"))
			.limit(1), ApiToken.class);
		return earlier == null ? new Revocation(Revocation.Outcome.UNKNOWN, Optional.empty())
				: new Revocation(Revocation.Outcome.ALREADY_REVOKED, Optional.of(earlier));
	}

	/**
	 * The stored token (active or revoked) that {@code presented} is, looked up by hash. When it is active its
	 * {@code lastUsedAt} moves to now, unless it moved less than {@link #TOUCH_INTERVAL} ago.
	 */
	public Optional<ApiToken> verify(String presented) {
		if (presented == null || !presented.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		ApiToken token = mongo.findOne(Query.query(Criteria.where("hash").is(hash(presented))), ApiToken.class);
		if (token == null) {
			return Optional.empty();
		}
		if (token.active()) {
			touch(token);
		}
		return Optional.of(token);
	}

	/** One conditional write a minute at most, even with several instances: the condition is in the query. */
	private void touch(ApiToken token) {
		Instant now = now();
		if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(now.minus(TOUCH_INTERVAL))) {
			return;
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(token.id())
			.orOperator(Criteria.where("lastUsedAt").isNull(),
					Criteria.where("lastUsedAt").lte(now.minus(TOUCH_INTERVAL)))),
				Update.update("lastUsedAt", now), ApiToken.class);
	}

	/** SHA-256 of the token's UTF-8 bytes, lower-case hex: what {@code api_tokens.hash} holds. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A new token: what was stored, and the token itself, to be shown once. */
	public record Created(ApiToken stored, String token) {

		@Override
		public String toString() {
			return "Created[name=" + stored.name() + ", prefix=" + stored.prefix() + "]";
		}
	}

	public record Revocation(Outcome outcome, Optional<ApiToken> token) {

		public enum Outcome {
			REVOKED, ALREADY_REVOKED, UNKNOWN
		}
	}

	/** An active token already has the name. */
	public static class DuplicateName extends RuntimeException {

		public DuplicateName(String name) {
			super("An active API token is already called " + name);
		}
	}
}
