package org.fieldnotes.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The keys the Bot Framework signs inbound tokens with: its OpenID metadata ({@code TEAMS_OPENID_METADATA_URL}) names
 * the key set ({@code jwks_uri}), which is fetched and kept. The keys are fetched again once a day, and when a token
 * names a key id not among them (Microsoft rolls its keys) — but at most once a minute, so a stream of made-up key
 * ids cannot make Fieldnotes hammer the login host. Time is the injected clock's.
 *
 * <p>Each key may carry {@code endorsements}: the channels it may sign for ({@code msteams}). They are kept with it.
 */
class BotFrameworkKeys {

	private static final Logger log = LoggerFactory.getLogger(BotFrameworkKeys.class);
	static final Duration KEEP = Duration.ofHours(24);
	static final Duration MIN_REFRESH = Duration.ofMinutes(1);
	private static final int MAX_BYTES = 512 * 1024;

	/** A signing key and the channels it is endorsed for (empty when the key set says nothing). */
	record Key(RSAKey rsa, List<String> endorsements) {
	}

	/** The keys could not be fetched: not the caller's fault, and no token can be checked. */
	static class Unavailable extends RuntimeException {
		Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private final URI metadataUrl;
	private final HttpClient http;
	private final Clock clock;
	private Map<String, Key> keys = Map.of();
	private Instant fetchedAt;
	private Instant triedAt;

	BotFrameworkKeys(URI metadataUrl, HttpClient http, Clock clock) {
		this.metadataUrl = metadataUrl;
		this.http = http;
		this.clock = clock;
	}

	/**
	 * The key with this id: from what is kept, else after one refresh (when none was tried in the last minute).
	 * @throws Unavailable when no keys were ever fetched and they cannot be now
	 */
	synchronized Optional<Key> key(String kid) {
		Instant now = clock.instant();
		boolean stale = fetchedAt == null || !Duration.between(fetchedAt, now).abs().minus(KEEP).isNegative();
		boolean unknown = !keys.containsKey(kid);
		if ((stale || unknown) && mayTry(now)) {
			refresh(now);
		}
		if (fetchedAt == null) {
			throw new Unavailable("Bot Framework keys not fetched yet", null);
		}
		return Optional.ofNullable(keys.get(kid));
	}

	private boolean mayTry(Instant now) {
		// abs: a clock set back (tests; a corrected host clock) must not stop refreshes for as long as it moved
		return triedAt == null || !Duration.between(triedAt, now).abs().minus(MIN_REFRESH).isNegative();
	}

	private void refresh(Instant now) {
		triedAt = now;
		try {
			Map<String, Object> metadata = JSONObjectUtils.parse(get(metadataUrl));
			String jwksUri = JSONObjectUtils.getString(metadata, "jwks_uri");
			if (jwksUri == null) {
				throw new ParseException("no jwks_uri", 0);
			}
			String json = get(URI.create(jwksUri));
			Map<String, Key> fresh = new HashMap<>();
			Map<String, Object> raw = JSONObjectUtils.parse(json);
			for (Map<String, Object> entry : JSONObjectUtils.getJSONObjectArray(raw, "keys")) {
				JWK jwk = JWK.parse(entry);
				if (jwk.getKeyID() != null && jwk instanceof RSAKey rsa) {
					List<String> endorsements = entry.get("endorsements") instanceof List<?> list
							? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
					fresh.put(jwk.getKeyID(), new Key(rsa, endorsements));
				}
			}
			JWKSet.parse(json); // the set as a whole must be well formed too
			keys = Map.copyOf(fresh);
			fetchedAt = now;
			log.debug("Bot Framework signing keys fetched: {}", fresh.size());
		}
		catch (IOException | ParseException | RuntimeException e) {
			log.warn("Could not fetch the Bot Framework signing keys from {}: {}", metadataUrl.getHost(),
					e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted", e);
		}
	}

	private String get(URI uri) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(
				HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode());
		}
		if (response.body().length > MAX_BYTES) {
			throw new IOException("too large");
		}
		return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
	}
}
