package org.fieldnotes.endreport;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.fieldnotes.links.LinkSigner;
import org.springframework.stereotype.Component;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The links in the e-mail that sends a manager an end-of-placement report: {@code <FIELDNOTES_PUBLIC_URL>/e/<token>},
 * the token an HS256 JWT (see {@link LinkSigner}) for the purpose {@code end-report}, naming the placement
 * ({@code sub}), the manager ({@code rcp}, their person id) and when it expires ({@code exp},
 * {@code FIELDNOTES_LINK_TTL}). No other link's token opens this page. Without links there is none.
 */
@Component
public class EndReportLinks {

	static final String PATH = "/e/";
	private static final String RECIPIENT = "rcp";
	private static final String PURPOSE = "end-report";

	private final LinkSigner signer;
	private final Clock clock;

	EndReportLinks(LinkSigner signer, Clock clock) {
		this.signer = signer;
		this.clock = clock;
	}

	/** A verified token: the placement, the recipient's person id, and whether it has expired. */
	record Claim(String placementId, String recipientKey, boolean expired) {
	}

	boolean enabled() {
		return signer.enabled();
	}

	long validDays() {
		return Math.max(1, signer.ttl().toDays());
	}

	/** The link to the report's page for this recipient (a person id); empty without links. */
	public Optional<String> linkFor(String placementId, String recipientKey) {
		if (!signer.enabled()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return Optional.of(signer.url(PATH, signer.sign(new JWTClaimsSet.Builder().subject(placementId)
			.claim(RECIPIENT, recipientKey)
			.claim(LinkSigner.PURPOSE, PURPOSE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(signer.ttl())))
			.build())));
	}

	Optional<Claim> verify(String token) {
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
