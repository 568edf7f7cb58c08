package org.fieldnotes.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import org.fieldnotes.links.LinkSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Spring Security's one-time tokens for the portal's e-mail sign-in, kept in MongoDB ({@link SignInLink}) so that
 * they survive a restart and work on every instance. A token is an HS256 JWT signed like every other link
 * ({@link LinkSigner}, purpose {@value #PURPOSE}) that names the person ({@code sub}), a random 256-bit id
 * ({@code jti}) and its expiry, {@link #VALID_FOR} after it was made by the injected clock. Consuming it marks its
 * record used in one atomic update that also requires it unused and unexpired, so a link works once, even when
 * opened twice at the same moment; a token that was tampered with fails its signature before the store is asked.
 * Records older than {@link #KEPT_FOR} (long expired) are swept whenever a new link is made.
 */
@Component
class SignInLinks implements OneTimeTokenService {

	/** How long a sign-in link works. */
	static final Duration VALID_FOR = Duration.ofMinutes(15);
	/** How long a link's record is kept: the window of the per-person limit ({@link SignInLimits}). */
	static final Duration KEPT_FOR = Duration.ofHours(1);
	static final String PURPOSE = "portal-sign-in";

	private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;
	private final LinkSigner signer;
	private final Clock clock;

	SignInLinks(MongoTemplate mongo, LinkSigner signer, Clock clock) {
		this.mongo = mongo;
		this.signer = signer;
		this.clock = clock;
	}

	/** Whether links can be made: {@code FIELDNOTES_PUBLIC_URL} and {@code FIELDNOTES_LINK_SECRET} are set. */
	boolean enabled() {
		return signer.enabled();
	}

	/** The address a token signs in at: {@code <FIELDNOTES_PUBLIC_URL>/portal/sign-in/link?token=<token>}. */
	String url(String token) {
		return signer.url(SignInController.LINK + "?token=", token);
	}

	/** A new link for the person the request names (a person id, {@link SignInAddresses}), valid for 15 minutes. */
	@Override
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		Instant now = clock.instant();
		mongo.remove(Query.query(Criteria.where("createdAt").lt(now.minus(KEPT_FOR))), SignInLink.class);
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String jti = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant expires = now.plus(VALID_FOR);
		mongo.insert(new SignInLink(hash(jti), request.getUsername(), now, expires, null));
		String token = signer.sign(new JWTClaimsSet.Builder().subject(request.getUsername())
			.jwtID(jti)
			.claim(LinkSigner.PURPOSE, PURPOSE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.build());
		return new DefaultOneTimeToken(token, request.getUsername(), expires);
	}

	/**
	 * The token's person, once: {@literal null} when it is not a sign-in token signed here, or it was used, expired
	 * (by the clock) or is unknown here.
	 */
	@Override
	public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
		Optional<JWTClaimsSet> claims = signer.verify(authentication.getTokenValue(), PURPOSE);
		if (claims.isEmpty() || claims.get().getSubject() == null || claims.get().getJWTID() == null) {
			return null;
		}
		Instant now = clock.instant();
		SignInLink used = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(hash(claims.get().getJWTID()))
					.and("personId").is(claims.get().getSubject())
					.and("usedAt").is(null)
					.and("expiresAt").gt(now)),
				new Update().set("usedAt", now), FindAndModifyOptions.options().returnNew(true), SignInLink.class);
		if (used == null) {
			log.info("A sign-in link was refused: used, expired or unknown");
			return null;
		}
		return new DefaultOneTimeToken(authentication.getTokenValue(), used.personId(), used.expiresAt());
	}

	/** The person a token names when it is a sign-in token signed here (used or not, expired or not). */
	Optional<String> personOf(String token) {
		return signer.verify(token, PURPOSE).map(JWTClaimsSet::getSubject);
	}

	/** How many links were made for the person since {@code since}. */
	long madeSince(String personId, Instant since) {
		return mongo.count(Query.query(Criteria.where("personId").is(personId).and("createdAt").gt(since)),
				SignInLink.class);
	}

	static String hash(String jti) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jti.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
