package org.fieldnotes.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param botToken {@code SLACK_BOT_TOKEN}; blank means Slack is not connected
 * @param signingSecret {@code SLACK_SIGNING_SECRET}; required in HTTP mode
 * @param appToken {@code SLACK_APP_TOKEN}; when set, Socket Mode instead of HTTP
 * @param apiUrl {@code SLACK_API_URL}, the Web API base URL
 * @param maxBodyBytes inbound requests larger than this are refused with 413
 */
@ConfigurationProperties("fieldnotes.slack")
record SlackSettings(String botToken, String signingSecret, String appToken,
		@DefaultValue("https://slack.com/api/") String apiUrl, @DefaultValue("1048576") int maxBodyBytes) {

	boolean connected() {
		return present(botToken);
	}

	boolean socketMode() {
		return connected() && present(appToken);
	}

	boolean httpMode() {
		return connected() && !socketMode();
	}

	boolean hasSigningSecret() {
		return present(signingSecret);
	}

	String apiUrlWithSlash() {
		return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
	}

	@Override
	public String toString() {
		// never print secrets
		return "SlackSettings[connected=" + connected() + ", socketMode=" + socketMode() + ", apiUrl=" + apiUrl + "]";
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
