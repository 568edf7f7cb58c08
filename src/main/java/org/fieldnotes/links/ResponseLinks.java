package org.fieldnotes.links;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Makes and checks the links of e-mail digests: {@code <FIELDNOTES_PUBLIC_URL>/r/<token>}, the token an HS256 JWT
 * (see {@link LinkSigner}) naming the entry ({@code sub}), the recipient ({@code rcp}, their recipient key) and when
 * it expires ({@code exp}, 14 days by default). Without {@code FIELDNOTES_PUBLIC_URL} or
 * {@code FIELDNOTES_LINK_SECRET} there are no links and every token is refused. Expiry is checked against the
 * application's clock.
 */
@Service
public class ResponseLinks {

	static final String PATH = "/r/";
	private static final String RECIPIENT = "rcp";
	private static final String RESPOND = "respond";

	private final LinkSettings settings;
	private final LinkSigner signer;
	private final Clock clock;

	ResponseLinks(LinkSettings settings, LinkSigner signer, Clock clock) {
		this.settings = settings;
		this.signer = signer;
		this.clock = clock;
	}

	/** A verified token: the entry it is for, the recipient it was sent to, and whether it has expired. */
	public record Claim(String entryId, String recipientKey, Instant expiresAt, boolean expired) {
	}

	/** How many days a link works ({@code FIELDNOTES_LINK_TTL}), at least 1: what the e-mail and the pages tell. */
	public long validDays() {
		return Math.max(1, settings.ttl().toDays());
	}

	/**
	 * The link to the page where this recipient can acknowledge or reply to this entry, or empty when
	 * {@code FIELDNOTES_PUBLIC_URL} or {@code FIELDNOTES_LINK_SECRET} is not set.
	 */
	public Optional<String> linkFor(String entryId, String recipientKey) {
		if (!signer.enabled()) {
			return Optional.empty();
		}
		return Optional.of(signer.url(PATH, token(entryId, recipientKey)));
	}

	String token(String entryId, String recipientKey) {
		Instant now = clock.instant();
		return signer.sign(new JWTClaimsSet.Builder().subject(entryId)
			.claim(RECIPIENT, recipientKey)
			.claim(LinkSigner.PURPOSE, RESPOND)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.ttl())))
			.build());
	}

	/**
	 * Checks a token: empty when it is malformed, not signed by this Fieldnotes, not HS256 or not a response link;
	 * otherwise what it names, and whether it has expired.
	 */
	public Optional<Claim> verify(String token) {
		return signer.verify(token, RESPOND).flatMap(claims -> {
			Object recipient = claims.getClaim(RECIPIENT);
			if (claims.getSubject() == null || !(recipient instanceof String recipientKey)
					|| claims.getExpirationTime() == null) {
				return Optional.empty();
			}
			Instant expiresAt = claims.getExpirationTime().toInstant();
			return Optional.of(new Claim(claims.getSubject(), recipientKey, expiresAt, !clock.instant().isBefore(expiresAt)));
		});
	}
}
