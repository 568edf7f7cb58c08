package org.fieldnotes.links;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Makes and checks the blocker links of e-mail digests: {@code <FIELDNOTES_PUBLIC_URL>/b/<token>}, the token an HS256
 * JWT (see {@link LinkSigner}) for the purpose {@code blocker}, naming the blocker ({@code sub}), the recipient
 * ({@code rcp}, their person id) and when it expires ({@code exp}, {@code FIELDNOTES_LINK_TTL}). A response link's
 * token never opens this page, nor this one a response page. Without {@code FIELDNOTES_PUBLIC_URL} or
 * {@code FIELDNOTES_LINK_SECRET} there are no links and every token is refused.
 */
@Service
public class BlockerLinks {

	static final String PATH = "/b/";
	private static final String RECIPIENT = "rcp";
	private static final String PURPOSE = "blocker";

	private final LinkSettings settings;
	private final LinkSigner signer;
	private final Clock clock;

	BlockerLinks(LinkSettings settings, LinkSigner signer, Clock clock) {
		this.settings = settings;
		this.signer = signer;
		this.clock = clock;
	}

	/** A verified token: the blocker, the recipient's key, and whether it has expired. */
	public record Claim(String blockerId, String recipientKey, boolean expired) {
	}

	/** How many days a link works, at least 1. */
	public long validDays() {
		return Math.max(1, settings.ttl().toDays());
	}

	/** The link to the page where this recipient can acknowledge or resolve this blocker; empty without links. */
	public Optional<String> linkFor(String blockerId, String recipientKey) {
		if (!signer.enabled()) {
			return Optional.empty();
		}
		return Optional.of(signer.url(PATH, token(blockerId, recipientKey)));
	}

	String token(String blockerId, String recipientKey) {
		Instant now = clock.instant();
		return signer.sign(new JWTClaimsSet.Builder().subject(blockerId)
			.claim(RECIPIENT, recipientKey)
			.claim(LinkSigner.PURPOSE, PURPOSE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.ttl())))
			.build());
	}

	/** Checks a token: empty when it is malformed, not ours or not a blocker link; else what it names. */
	public Optional<Claim> verify(String token) {
		return signer.verify(token, PURPOSE).flatMap(claims -> {
			Object recipient = claims.getClaim(RECIPIENT);
			if (claims.getSubject() == null || !(recipient instanceof String recipientKey)
					|| claims.getExpirationTime() == null) {
				return Optional.empty();
			}
			return Optional.of(new Claim(claims.getSubject(), recipientKey,
					!clock.instant().isBefore(claims.getExpirationTime().toInstant())));
		});
	}
}
