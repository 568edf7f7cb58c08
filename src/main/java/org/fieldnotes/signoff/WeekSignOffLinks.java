package org.fieldnotes.signoff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.fieldnotes.links.LinkSigner;
import org.springframework.stereotype.Component;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The link in the e-mail that asks a manager to sign off a week: {@code <FIELDNOTES_PUBLIC_URL>/w/<token>}, the
 * token an HS256 JWT (see {@link LinkSigner}) for the purpose {@code week-signoff}, naming the placement
 * ({@code sub}), the week's first day ({@code wk}), the manager ({@code rcp}, their person id) and when it expires
 * ({@code exp}, {@code FIELDNOTES_LINK_TTL}). No other link's token opens this page.
 */
@Component
public class WeekSignOffLinks {

	static final String PATH = "/w/";
	private static final String RECIPIENT = "rcp";
	private static final String WEEK = "wk";
	private static final String PURPOSE = "week-signoff";

	private final LinkSigner signer;
	private final Clock clock;

	WeekSignOffLinks(LinkSigner signer, Clock clock) {
		this.signer = signer;
		this.clock = clock;
	}

	/** A verified token: the placement, the week, the recipient's person id, and whether it has expired. */
	record Claim(String placementId, LocalDate weekStart, String recipientKey, boolean expired) {
	}

	boolean enabled() {
		return signer.enabled();
	}

	long validDays() {
		return Math.max(1, signer.ttl().toDays());
	}

	/** The link to the week's sign-off page for this recipient (a person id); empty without links. */
	public Optional<String> linkFor(String placementId, LocalDate weekStart, String recipientKey) {
		if (!signer.enabled()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return Optional.of(signer.url(PATH, signer.sign(new JWTClaimsSet.Builder().subject(placementId)
			.claim(WEEK, weekStart.toString())
			.claim(RECIPIENT, recipientKey)
			.claim(LinkSigner.PURPOSE, PURPOSE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(signer.ttl())))
			.build())));
	}

	Optional<Claim> verify(String token) {
		return signer.verify(token, PURPOSE).flatMap(claims -> {
			Object recipient = claims.getClaim(RECIPIENT);
			Object week = claims.getClaim(WEEK);
			if (claims.getSubject() == null || !(recipient instanceof String recipientKey)
					|| !(week instanceof String weekText) || claims.getExpirationTime() == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Claim(claims.getSubject(), LocalDate.parse(weekText), recipientKey,
						!clock.instant().isBefore(claims.getExpirationTime().toInstant())));
			}
			catch (DateTimeParseException e) {
				return Optional.empty();
			}
		});
	}
}
