package org.fieldnotes.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Signed links: what a token carries, when it expires (by the application's clock), and that anything not signed
 * with this Fieldnotes' key, or not HS256, is refused.
 */
class ResponseLinksTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
	private final ResponseLinks links = new ResponseLinks(
			new LinkSettings("a-secret", "https://fieldnotes.example.org/", Duration.ofDays(14)), clock);

	@Test
	void aLinkNamesTheEntryAndTheRecipientUntilItExpiresAfter14Days() {
		String link = links.linkFor("entry-1", "email:eva@uni.example").orElseThrow();
		assertThat(link).startsWith("https://fieldnotes.example.org/r/");
		String token = link.substring(link.lastIndexOf('/') + 1);

		ResponseLinks.Claim claim = links.verify(token).orElseThrow();
		assertThat(claim.entryId()).isEqualTo("entry-1");
		assertThat(claim.recipientKey()).isEqualTo("email:eva@uni.example");
		assertThat(claim.expiresAt()).isEqualTo(Instant.parse("2026-12-17T10:00:00Z"));
		assertThat(claim.expired()).isFalse();

		clock.advance(Duration.ofDays(14).minusSeconds(1));
		assertThat(links.verify(token).orElseThrow().expired()).isFalse();
		clock.advance(Duration.ofSeconds(1));
		assertThat(links.verify(token).orElseThrow().expired()).isTrue();
	}

	@Test
	void forgedDamagedOrUnsignedTokensAreRefused() {
		String token = links.token("entry-1", "email:eva@uni.example");
		String[] parts = token.split("\\.");
		String otherPayload = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"sub\":\"entry-2\",\"rcp\":\"email:eva@uni.example\",\"pur\":\"respond\",\"exp\":9999999999}".getBytes());
		String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
				+ otherPayload + ".";
		ResponseLinks otherKey = new ResponseLinks(new LinkSettings("another-secret", "https://x.example", null), clock);

		assertThat(links.verify(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();
		assertThat(links.verify(token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA"))).isEmpty();
		assertThat(links.verify(unsigned)).isEmpty();
		assertThat(links.verify("not-a-token")).isEmpty();
		assertThat(links.verify("")).isEmpty();
		assertThat(otherKey.verify(token)).isEmpty();
	}

	@Test
	void withoutAPublicUrlThereAreNoLinksAndWithoutASecretARandomKeySignsThem() {
		ResponseLinks noUrl = new ResponseLinks(new LinkSettings("a-secret", "", null), clock);
		ResponseLinks randomA = new ResponseLinks(new LinkSettings(null, "https://x.example", null), clock);
		ResponseLinks randomB = new ResponseLinks(new LinkSettings(null, "https://x.example", null), clock);

		assertThat(noUrl.linkFor("entry-1", "email:eva@uni.example")).isEmpty();
		String token = randomA.token("entry-1", "email:eva@uni.example");
		assertThat(randomA.verify(token)).isPresent();
		assertThat(randomB.verify(token)).as("a restart makes a new key").isEmpty();
	}
}
