package org.fieldnotes.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Signed links: what a token carries, when it expires (by the application's clock), and that anything not signed
 * with this Fieldnotes' key, not HS256, or made for another page is refused. Without a secret there are no links at
 * all (never a key made up at start, which would break links at a restart or between instances).
 */
@ExtendWith(OutputCaptureExtension.class)
class ResponseLinksTests {

	static final String SECRET = "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=";
	static final String OTHER_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
	private final ResponseLinks links = links(SECRET, "https://fieldnotes.example.org/");

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
	void forgedDamagedUnsignedOrForeignTokensAreRefused() {
		String token = links.token("entry-1", "email:eva@uni.example");
		String[] parts = token.split("\\.");
		String otherPayload = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"sub\":\"entry-2\",\"rcp\":\"email:eva@uni.example\",\"pur\":\"respond\",\"exp\":9999999999}".getBytes());
		String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
				+ otherPayload + ".";
		ResponseLinks otherKey = links(OTHER_SECRET, "https://x.example");

		assertThat(links.verify(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();
		assertThat(links.verify(token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA"))).isEmpty();
		assertThat(links.verify(unsigned)).isEmpty();
		assertThat(links.verify("not-a-token")).isEmpty();
		assertThat(links.verify("")).isEmpty();
		assertThat(otherKey.verify(token)).isEmpty();
	}

	@Test
	void theSameSecretOnAnotherInstanceOrAfterARestartVerifiesTheLink() {
		String token = links.token("entry-1", "UANDERS");

		assertThat(links(SECRET, "https://fieldnotes.example.org").verify(token)).isPresent();
	}

	@Test
	void aLinkForConfirmingAnAddressNeverOpensTheResponsePageNorTheOtherWayRound() {
		LinkSettings settings = new LinkSettings(SECRET, "https://fieldnotes.example.org", null);
		LinkSigner signer = new LinkSigner(settings);
		ConfirmationLinks confirmations = new ConfirmationLinks(signer, clock);
		String confirm = confirmations.linkFor("UANDERS", "anders@uni.example", "nonce-1").orElseThrow();
		String confirmToken = confirm.substring(confirm.lastIndexOf('/') + 1);
		String respondToken = links.token("entry-1", "UANDERS");

		assertThat(confirm).startsWith("https://fieldnotes.example.org/confirm/");
		assertThat(confirmations.verify(confirmToken)).hasValueSatisfying(claim -> {
			assertThat(claim.recipientKey()).isEqualTo("UANDERS");
			assertThat(claim.address()).isEqualTo("anders@uni.example");
			assertThat(claim.nonce()).isEqualTo("nonce-1");
		});
		assertThat(links.verify(confirmToken)).isEmpty();
		assertThat(confirmations.verify(respondToken)).isEmpty();
	}

	@Test
	void withoutASecretOrAPublicUrlThereAreNoLinksAndTheLogSaysSoOnce(CapturedOutput output) {
		ResponseLinks noSecret = links(null, "https://x.example");
		ResponseLinks noUrl = links(SECRET, "");

		assertThat(noSecret.linkFor("entry-1", "email:eva@uni.example")).isEmpty();
		assertThat(noUrl.linkFor("entry-1", "email:eva@uni.example")).isEmpty();
		// no key made up at start: a token signed anywhere is refused
		assertThat(noSecret.verify(links.token("entry-1", "email:eva@uni.example"))).isEmpty();
		assertThat(output.getAll()).containsOnlyOnce("FIELDNOTES_LINK_SECRET is not set")
			.containsOnlyOnce("FIELDNOTES_PUBLIC_URL is not set")
			.contains("openssl rand -base64 32");
	}

	private ResponseLinks links(String secret, String publicUrl) {
		LinkSettings settings = new LinkSettings(secret, publicUrl, Duration.ofDays(14));
		return new ResponseLinks(settings, new LinkSigner(settings), clock);
	}
}
