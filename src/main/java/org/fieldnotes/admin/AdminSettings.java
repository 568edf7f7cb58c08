package org.fieldnotes.admin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token bearer token of the admin API ({@code FIELDNOTES_ADMIN_TOKEN}); blank means every call gets 401
 * @param slackAdmins Slack member ids allowed to use admin commands ({@code FIELDNOTES_ADMINS}, comma-separated)
 */
@ConfigurationProperties("fieldnotes.admin")
public record AdminSettings(String token, List<String> slackAdmins) {

	public AdminSettings {
		slackAdmins = slackAdmins == null ? List.of()
				: slackAdmins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public boolean tokenSet() {
		return token != null && !token.isBlank();
	}

	@Override
	public String toString() {
		return "AdminSettings[tokenSet=" + tokenSet() + ", slackAdmins=" + slackAdmins + "]";
	}
}
