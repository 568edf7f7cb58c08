package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The Bot Framework's signing keys: fetched through the OpenID metadata, kept, fetched again for a key id not among
 * them (Microsoft rolled its keys) but at most once a minute, and once a day in any case; and the token check on top
 * of them, for a key that appears only after a refresh.
 */
class BotFrameworkKeysTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
	private final MutableClock clock = new MutableClock(NOW);
	private BotFrameworkKeys keys;
	private BotFrameworkTokenCheck check;

	@BeforeEach
	void freshKeys() {
		TeamsStub.reset();
		keys = new BotFrameworkKeys(URI.create(TeamsStub.metadataUrl()), HttpClient.newHttpClient(), clock);
		check = new BotFrameworkTokenCheck(keys, TeamsStub.ISSUER, TeamsStub.APP_ID, clock);
	}

	@Test
	void keysAreFetchedOnceAndKept() {
		assertThat(keys.key(TeamsStub.KID)).isPresent();
		assertThat(keys.key(TeamsStub.KID)).isPresent();
		clock.advance(Duration.ofHours(23));
		assertThat(keys.key(TeamsStub.KID)).isPresent();

		assertThat(TeamsStub.keyFetches()).isEqualTo(1);
		assertThat(TeamsStub.requests(TeamsStub.METADATA_PATH)).hasSize(1);
	}

	@Test
	void keysAreFetchedAgainAfterADay() {
		keys.key(TeamsStub.KID);
		clock.advance(Duration.ofHours(24));

		keys.key(TeamsStub.KID);

		assertThat(TeamsStub.keyFetches()).isEqualTo(2);
	}

	@Test
	void aTokenSignedWithARolledKeyIsAcceptedAfterOneRefresh() {
		RSAKey rolled = generate("bf-key-2");
		assertThat(check.problem(bearer(TeamsStub.goodToken(NOW)), activity())).isEmpty();
		TeamsStub.keys(TeamsStub.KEY, rolled);
		clock.advance(Duration.ofMinutes(2));

		Optional<String> problem = check.problem(bearer(TeamsStub.token(clock.instant(), rolled, c -> {
		})), activity());

		assertThat(problem).isEmpty();
		assertThat(TeamsStub.keyFetches()).as("the first fetch and one refresh").isEqualTo(2);
	}

	@Test
	void anUnknownKeyIdIsRefusedAfterOneRefreshAndDoesNotMakeUsFetchAgainWithinAMinute() {
		RSAKey unknown = generate("nobody-knows-me");
		check.problem(bearer(TeamsStub.goodToken(NOW)), activity());
		clock.advance(Duration.ofMinutes(2));

		String forged = bearer(TeamsStub.token(clock.instant(), unknown, c -> {
		}));
		assertThat(check.problem(forged, activity())).contains("unknown_key");
		assertThat(TeamsStub.keyFetches()).isEqualTo(2);

		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(5));
			assertThat(check.problem(forged, activity())).contains("unknown_key");
		}
		assertThat(TeamsStub.keyFetches()).as("no more than one refresh a minute").isEqualTo(2);

		clock.advance(Duration.ofMinutes(1));
		assertThat(check.problem(forged, activity())).contains("unknown_key");
		assertThat(TeamsStub.keyFetches()).isEqualTo(3);
	}

	@Test
	void aKeyNotEndorsedForTheChannelIsRefused() {
		TeamsActivity webchat = new TeamsActivity("message", "1", null, TeamsStub.serviceUrl(), "slack", null, null, null,
				null, null, null, null, null, null, null, List.of(), List.of());

		assertThat(check.problem(bearer(TeamsStub.goodToken(NOW)), webchat)).contains("key_not_endorsed_for_channel");
		assertThat(check.problem(bearer(TeamsStub.goodToken(NOW)), activity())).isEmpty();
	}

	@Test
	void keysThatCannotBeFetchedLeaveNothingToCheckWith() {
		TeamsStub.server().resetAll(); // the login host answers 404 to everything

		assertThatThrownBy(() -> check.problem(bearer(TeamsStub.goodToken(NOW)), activity()))
			.isInstanceOf(BotFrameworkKeys.Unavailable.class);
	}

	@Test
	void theKeysKeptAreUsedWhileARefreshFails() {
		keys.key(TeamsStub.KID);
		TeamsStub.server().resetAll();
		clock.advance(Duration.ofHours(25));

		assertThat(check.problem(bearer(TeamsStub.goodToken(clock.instant())), activity())).isEmpty();
	}

	private static TeamsActivity activity() {
		return new TeamsActivity("message", "1", null, TeamsStub.serviceUrl(), "msteams", null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of());
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}
}
