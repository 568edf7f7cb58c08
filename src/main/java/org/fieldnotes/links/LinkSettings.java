package org.fieldnotes.links;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Signed links in e-mail digests.
 *
 * @param secret signs the links ({@code FIELDNOTES_LINK_SECRET}); when blank a random one is made at start, so
 * links stop working after a restart
 * @param publicUrl where people reach Fieldnotes, e.g. {@code https://fieldnotes.example.org}
 * ({@code FIELDNOTES_PUBLIC_URL}); when blank, e-mails carry no links
 * @param ttl how long a link works ({@code FIELDNOTES_LINK_TTL}, default 14 days)
 */
@ConfigurationProperties("fieldnotes.links")
record LinkSettings(String secret, String publicUrl, @DefaultValue("P14D") Duration ttl) {

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
	}

	boolean linksEnabled() {
		return StringUtils.hasText(publicUrl);
	}

	@Override
	public String toString() {
		return "LinkSettings[secret=" + (StringUtils.hasText(secret) ? "***" : "") + ", publicUrl=" + publicUrl
				+ ", ttl=" + ttl + "]";
	}
}
