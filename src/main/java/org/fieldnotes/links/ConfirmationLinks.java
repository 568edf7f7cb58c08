package org.fieldnotes.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Links that confirm a new e-mail address: {@code <FIELDNOTES_PUBLIC_URL>/confirm/<token>}, sent to that address
 * only. The token (HS256, see {@link LinkSigner}) names the person ({@code sub}, their recipient key), the address
 * ({@code adr}) and a nonce ({@code jti}) that the asker stores as pending, which makes the link single-use; it
 * expires after {@link #VALID_FOR}.
 */
@Service
public class ConfirmationLinks {

	/** How long a confirmation link works. */
	public static final Duration VALID_FOR = Duration.ofHours(24);
	static final String PATH = "/confirm/";
	private static final String CONFIRM = "confirm-email";
	private static final String ADDRESS = "adr";

	private final LinkSigner signer;
	private final Clock clock;

	ConfirmationLinks(LinkSigner signer, Clock clock) {
		this.signer = signer;
		this.clock = clock;
	}

	/** What a verified link names, and whether it has expired. */
	public record Claim(String recipientKey, String address, String nonce, boolean expired) {
	}

	/** Whether confirmation links can be made: {@code FIELDNOTES_PUBLIC_URL} and {@code FIELDNOTES_LINK_SECRET} set. */
	public boolean enabled() {
		return signer.enabled();
	}

	/** The link that confirms {@code address} for this person; empty when links cannot be made. */
	public Optional<String> linkFor(String recipientKey, String address, String nonce) {
		if (!signer.enabled()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return Optional.of(signer.url(PATH, signer.sign(new JWTClaimsSet.Builder().subject(recipientKey)
			.claim(ADDRESS, address)
			.jwtID(nonce)
			.claim(LinkSigner.PURPOSE, CONFIRM)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(VALID_FOR)))
			.build())));
	}

	/** A link's claims; empty when it is not a confirmation link signed here. */
	Optional<Claim> verify(String token) {
		return signer.verify(token, CONFIRM).flatMap(claims -> {
			Object address = claims.getClaim(ADDRESS);
			if (claims.getSubject() == null || !(address instanceof String adr) || claims.getJWTID() == null
					|| claims.getExpirationTime() == null) {
				return Optional.empty();
			}
			boolean expired = !clock.instant().isBefore(claims.getExpirationTime().toInstant());
			return Optional.of(new Claim(claims.getSubject(), adr, claims.getJWTID(), expired));
		});
	}
}
