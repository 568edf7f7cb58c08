package org.fieldnotes.teams;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The connector hosts the bot's own token may be sent to ({@code TEAMS_SERVICE_HOSTS}). An activity names the
 * service URL to answer at, and a service URL is kept only after its activity's token was good, but the token's
 * claim is only as good as the sender's key: the bot's token still goes to no host outside this list. An entry is a
 * host name (reached over https on its default port) or a whole origin ({@code http://localhost:56150}) for a
 * stand-in.
 */
final class ServiceUrls {

	private record Origin(String scheme, String host, int port) {
	}

	private final List<Origin> allowed;

	ServiceUrls(List<String> entries) {
		this.allowed = entries.stream().map(ServiceUrls::entry).toList();
	}

	private static Origin entry(String entry) {
		String e = entry.strip().toLowerCase(Locale.ROOT);
		if (!e.contains("://")) {
			return new Origin("https", e, 443);
		}
		URI uri = URI.create(e);
		if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
			throw new IllegalArgumentException("TEAMS_SERVICE_HOSTS: " + entry
					+ " is neither a host name nor an http(s) origin such as http://localhost:56150");
		}
		return new Origin(uri.getScheme(), uri.getHost(), port(uri));
	}

	/** Whether the bot may call this service URL (a malformed one is not). */
	boolean allowed(String serviceUrl) {
		if (serviceUrl == null || serviceUrl.isBlank()) {
			return false;
		}
		URI uri;
		try {
			uri = URI.create(serviceUrl.strip());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
			return false;
		}
		Origin origin = new Origin(uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost().toLowerCase(Locale.ROOT),
				port(uri));
		return allowed.contains(origin);
	}

	/** The host of a service URL, for a log line (never the whole URL, which an attacker chose). */
	static String hostOf(String serviceUrl) {
		try {
			String host = URI.create(serviceUrl.strip()).getHost();
			return host == null ? "(none)" : TeamsActivity.safe(host);
		}
		catch (RuntimeException e) {
			return "(malformed)";
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
	}
}
