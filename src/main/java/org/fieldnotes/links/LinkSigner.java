package org.fieldnotes.links;

import java.text.ParseException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs and checks the tokens of every link in e-mails: HS256 JWTs keyed with {@code FIELDNOTES_LINK_SECRET}'s
 * bytes ({@link LinkSettings#key()}), each with a purpose ({@code pur}) so that a token made for one page never
 * opens another. Without a secret and a public address nothing is signed and every token is refused; that is said
 * once in the log, at start. There is no per-process random key: a link must work after a restart and on every
 * instance, or not be sent at all.
 */
@Component
public class LinkSigner {

	public static final String PURPOSE = "pur";
	private static final Logger log = LoggerFactory.getLogger(LinkSigner.class);

	private final LinkSettings settings;
	private final byte[] key;

	LinkSigner(LinkSettings settings) {
		this.settings = settings;
		this.key = settings.key().orElse(null);
		if (!org.springframework.util.StringUtils.hasText(settings.publicUrl())) {
			log.info("E-mails carry no links (acknowledge or reply, confirm an address): FIELDNOTES_PUBLIC_URL is not set");
		}
		else if (key == null) {
			log.warn("E-mails carry no links (acknowledge or reply, confirm an address): FIELDNOTES_LINK_SECRET is not "
					+ "set. Generate one with: openssl rand -base64 32");
		}
	}

	/** Whether links are made: a public address and a secret are both set. */
	public boolean enabled() {
		return settings.linksEnabled() && key != null;
	}

	/** How long a link works ({@code FIELDNOTES_LINK_TTL}). */
	public java.time.Duration ttl() {
		return settings.ttl();
	}

	/** {@code <FIELDNOTES_PUBLIC_URL><path><token>}. */
	public String url(String path, String token) {
		return settings.publicUrl() + path + token;
	}

	/** The signed token of these claims (which must name their purpose). */
	public String sign(JWTClaimsSet claims) {
		if (key == null) {
			throw new IllegalStateException("No FIELDNOTES_LINK_SECRET: links cannot be signed");
		}
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
	 * The claims of a token signed here for this purpose; empty when it is malformed, too long, not HS256, not signed
	 * with this key, for another purpose, or when there is no key. Expiry is the caller's to judge (by its clock).
	 */
	public Optional<JWTClaimsSet> verify(String token, String purpose) {
		if (key == null || token == null || token.isBlank() || token.length() > 2048) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			return purpose.equals(claims.getClaim(PURPOSE)) ? Optional.of(claims) : Optional.empty();
		}
		catch (ParseException | JOSEException | RuntimeException e) {
			log.debug("A link token was refused: {}", e.getClass().getSimpleName());
			return Optional.empty();
		}
	}
}
