package org.fieldnotes.links;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Signed links in e-mails (acknowledge or reply; confirm a new address).
 *
 * @param secret the key that signs the links ({@code FIELDNOTES_LINK_SECRET}): at least 256 bits of random data,
 * written as hex or as base64 (standard or URL-safe alphabet, padding optional); see {@link #key()}. When blank,
 * e-mails carry no links.
 * @param publicUrl where people reach Fieldnotes, e.g. {@code https://fieldnotes.example.org}
 * ({@code FIELDNOTES_PUBLIC_URL}); when blank, e-mails carry no links
 * @param ttl how long an acknowledge-or-reply link works ({@code FIELDNOTES_LINK_TTL}, default 14 days)
 */
@ConfigurationProperties("fieldnotes.links")
record LinkSettings(String secret, String publicUrl, @DefaultValue("P14D") Duration ttl) {

	/** 256 bits: what HS256 needs, and what {@code openssl rand -base64 32} makes. */
	static final int MIN_KEY_BYTES = 32;
	private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

	LinkSettings {
		if (ttl == null || ttl.isNegative() || ttl.isZero()) {
			ttl = Duration.ofDays(14);
		}
		if (StringUtils.hasText(publicUrl)) {
			URI uri = URI.create(publicUrl.strip());
			if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new IllegalArgumentException(
						"FIELDNOTES_PUBLIC_URL must be an http(s) URL such as https://fieldnotes.example.org, not " + publicUrl);
			}
			publicUrl = publicUrl.strip().replaceAll("/+$", "");
		}
		if (StringUtils.hasText(secret)) {
			decode(secret); // refuses a weak or unreadable secret at start
		}
	}

	/**
	 * The HS256 key: the secret's bytes once decoded. A value of hex digits only (an even number of them) is read as
	 * hex; any other value as base64, standard ({@code +/}) or URL-safe ({@code -_}), padding optional. Empty when
	 * no secret is set.
	 */
	Optional<byte[]> key() {
		return StringUtils.hasText(secret) ? Optional.of(decode(secret)) : Optional.empty();
	}

	/** Whether e-mails carry signed links: only with both a public address and a secret. */
	boolean linksEnabled() {
		return StringUtils.hasText(publicUrl) && StringUtils.hasText(secret);
	}

	private static byte[] decode(String secret) {
		String value = secret.strip();
		byte[] key;
		try {
			if (HEX.matcher(value).matches() && value.length() % 2 == 0) {
				key = HexFormat.of().parseHex(value);
			}
			else if (BASE64.matcher(value).matches()) {
				key = (value.indexOf('-') >= 0 || value.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
					.decode(value);
			}
			else {
				throw new IllegalArgumentException(weak("is neither hex nor base64"));
			}
		}
		catch (IllegalArgumentException e) {
			if (e.getMessage() != null && e.getMessage().startsWith("FIELDNOTES_LINK_SECRET")) {
				throw e;
			}
			throw new IllegalArgumentException(weak("is neither hex nor base64"));
		}
		if (key.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException(weak("decodes to " + key.length + " bytes"));
		}
		return key;
	}

	/** The start-up refusal: names the variable and how to make a good one, never the value. */
	private static String weak(String what) {
		return "FIELDNOTES_LINK_SECRET " + what + ", but it must be at least 256 bits (" + MIN_KEY_BYTES
				+ " bytes) of random data written as base64 or hex. Generate one with: openssl rand -base64 32";
	}

	@Override
	public String toString() {
		return "LinkSettings[secret=" + (StringUtils.hasText(secret) ? "***" : "") + ", publicUrl=" + publicUrl
				+ ", ttl=" + ttl + "]";
	}
}
