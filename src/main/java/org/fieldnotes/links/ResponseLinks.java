package org.fieldnotes.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Makes and checks the links of e-mail digests: {@code <FIELDNOTES_PUBLIC_URL>/r/<token>}, the token an HS256 JWT
 * naming the entry ({@code sub}), the recipient ({@code rcp}, their recipient key) and when it expires
 * ({@code exp}, 14 days by default). The key is the SHA-256 of {@code FIELDNOTES_LINK_SECRET}, or random bytes
 * made at start when it is unset (links then stop working at the next restart). Expiry is checked against the
 * application's clock.
 */
@Service
public class ResponseLinks {

	private static final Logger log = LoggerFactory.getLogger(ResponseLinks.class);
	static final String PATH = "/r/";
	private static final String RECIPIENT = "rcp";
	private static final String PURPOSE = "pur";
	private static final String RESPOND = "respond";

	private final LinkSettings settings;
	private final Clock clock;
	private final byte[] key;

	ResponseLinks(LinkSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		if (StringUtils.hasText(settings.secret())) {
			this.key = sha256(settings.secret().getBytes(StandardCharsets.UTF_8));
		}
		else {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
			if (settings.linksEnabled()) {
				log.warn("FIELDNOTES_LINK_SECRET is not set: e-mail links are signed with a random key made at start "
						+ "and stop working when Fieldnotes restarts. Set it to a long random value to keep them valid.");
			}
		}
		if (!settings.linksEnabled()) {
			log.info("E-mail digests carry no acknowledge/reply links: FIELDNOTES_PUBLIC_URL is not set");
		}
	}

	/** A verified token: the entry it is for, the recipient it was sent to, and whether it has expired. */
	public record Claim(String entryId, String recipientKey, Instant expiresAt, boolean expired) {
	}

	/**
	 * The link to the page where this recipient can acknowledge or reply to this entry, or empty when
	 * {@code FIELDNOTES_PUBLIC_URL} is not set.
	 */
	/** How many days a link works ({@code FIELDNOTES_LINK_TTL}), at least 1: what the e-mail and the pages tell. */
	public long validDays() {
		return Math.max(1, settings.ttl().toDays());
	}

	public Optional<String> linkFor(String entryId, String recipientKey) {
		if (!settings.linksEnabled()) {
			return Optional.empty();
		}
		return Optional.of(settings.publicUrl() + PATH + token(entryId, recipientKey));
	}

	String token(String entryId, String recipientKey) {
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(entryId)
			.claim(RECIPIENT, recipientKey)
			.claim(PURPOSE, RESPOND)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.ttl())))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(key));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Could not sign a link", e);
		}
	}

	/**
	 * Checks a token: empty when it is malformed, not signed by this Fieldnotes, not HS256 or not a response link;
	 * otherwise what it names, and whether it has expired.
	 */
	public Optional<Claim> verify(String token) {
		if (token == null || token.isBlank() || token.length() > 2048) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Object recipient = claims.getClaim(RECIPIENT);
			if (claims.getSubject() == null || !(recipient instanceof String recipientKey)
					|| !RESPOND.equals(claims.getClaim(PURPOSE)) || claims.getExpirationTime() == null) {
				return Optional.empty();
			}
			Instant expiresAt = claims.getExpirationTime().toInstant();
			return Optional.of(new Claim(claims.getSubject(), recipientKey, expiresAt, !clock.instant().isBefore(expiresAt)));
		}
		catch (ParseException | JOSEException | RuntimeException e) {
			log.debug("A link token was refused: {}", e.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
