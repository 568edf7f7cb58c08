package org.fieldnotes.teams;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Fieldnotes talks to Microsoft Teams (the Bot Framework). Teams is on when the app id and password are both set,
 * or when the development flag is (see {@link #devUnauthenticated}).
 *
 * @param appId {@code TEAMS_APP_ID}: the bot's Microsoft Entra application (client) id; the audience of every
 * inbound token
 * @param appPassword {@code TEAMS_APP_PASSWORD}: its client secret, for the bot's own tokens; never logged
 * @param tenantId {@code TEAMS_TENANT_ID}: the Entra tenant the bot is registered in (a single-tenant bot, as every
 * new bot is); blank: the legacy multi-tenant authority {@code botframework.com}
 * @param openIdMetadataUrl {@code TEAMS_OPENID_METADATA_URL}: where the Bot Framework publishes the keys inbound
 * tokens are signed with
 * @param loginUrl {@code TEAMS_LOGIN_URL}: the Entra login host the bot's own tokens come from
 * ({@code <loginUrl>/<tenant>/oauth2/v2.0/token})
 * @param tokenIssuer {@code TEAMS_TOKEN_ISSUER}: the issuer of inbound tokens, and (with {@code /.default}) the scope
 * of the bot's own: {@code https://api.botframework.com} in the public cloud
 * @param serviceHosts {@code TEAMS_SERVICE_HOSTS}: the connector hosts the bot's token may be sent to; a host name
 * (reached over https), or a whole origin {@code http(s)://host:port} for a stand-in
 * @param devUnauthenticated {@code TEAMS_DEV_UNAUTHENTICATED}: accept inbound requests without a token, for a local
 * test tool only; refused at start unless the server listens on loopback only
 * @param maxBodyBytes inbound requests larger than this are refused with 413
 */
@ConfigurationProperties("fieldnotes.teams")
record TeamsSettings(String appId, String appPassword, String tenantId,
		@DefaultValue(TeamsSettings.OPENID_METADATA) String openIdMetadataUrl,
		@DefaultValue("https://login.microsoftonline.com") String loginUrl,
		@DefaultValue("https://api.botframework.com") String tokenIssuer,
		@DefaultValue({ "smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com",
				"smba.infra.gov.teams.microsoft.us" }) List<String> serviceHosts,
		@DefaultValue("false") boolean devUnauthenticated, @DefaultValue("1048576") int maxBodyBytes) {

	static final String OPENID_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration";
	/** The authority of a bot registered before single-tenant bots (teams.py: {@code tenant_id or "botframework.com"}). */
	static final String MULTI_TENANT_AUTHORITY = "botframework.com";

	TeamsSettings {
		serviceHosts = serviceHosts == null ? List.of()
				: serviceHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
	}

	/** Whether the bot has credentials: both app id and password are set. */
	boolean credentials() {
		return present(appId) && present(appPassword);
	}

	/** Whether Teams is on: credentials, or the development flag. */
	boolean on() {
		return credentials() || devUnauthenticated;
	}

	/** The tenant the bot's own tokens are asked for. */
	String authority() {
		return present(tenantId) ? tenantId.strip() : MULTI_TENANT_AUTHORITY;
	}

	/** The scope of the bot's own tokens, e.g. {@code https://api.botframework.com/.default}. */
	String scope() {
		return stripSlash(tokenIssuer) + "/.default";
	}

	URI tokenEndpoint() {
		return URI.create(stripSlash(loginUrl) + "/" + authority() + "/oauth2/v2.0/token");
	}

	/**
	 * Stops start-up when the development flag is set where it must not be: with credentials (ambiguous: the tokens
	 * would not be checked), or on a server that is reachable from other machines.
	 * @param serverAddress {@code server.address}; blank means every interface
	 */
	void checkDevFlag(String serverAddress) {
		if (!devUnauthenticated) {
			return;
		}
		if (present(appPassword)) {
			throw new IllegalStateException("TEAMS_DEV_UNAUTHENTICATED=true and TEAMS_APP_PASSWORD is set: the flag "
					+ "turns off the check of every inbound Teams token, so it is only for a local test tool without "
					+ "credentials. Unset one of them.");
		}
		if (!loopback(serverAddress)) {
			throw new IllegalStateException("TEAMS_DEV_UNAUTHENTICATED=true accepts Teams requests without a token, "
					+ "so Fieldnotes must listen on loopback only: set SERVER_ADDRESS=127.0.0.1 (it is "
					+ (present(serverAddress) ? serverAddress.strip() : "every interface") + "), or unset the flag.");
		}
	}

	/** Whether the address is a loopback literal or {@code localhost}; names are not looked up. */
	static boolean loopback(String address) {
		if (!present(address)) {
			return false;
		}
		String a = address.strip().toLowerCase(Locale.ROOT);
		if (a.startsWith("[") && a.endsWith("]")) {
			a = a.substring(1, a.length() - 1);
		}
		return a.equals("localhost") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.matches("127(\\.\\d{1,3}){3}");
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		// never print the password
		return "TeamsSettings[appId=" + appId + ", tenant=" + authority() + ", on=" + on() + ", devUnauthenticated="
				+ devUnauthenticated + ", serviceHosts=" + serviceHosts + "]";
	}
}
