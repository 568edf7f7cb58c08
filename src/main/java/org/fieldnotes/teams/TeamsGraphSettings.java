package org.fieldnotes.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional install of the Teams app through Microsoft Graph, for people who have not installed it themselves.
 *
 * @param install {@code TEAMS_GRAPH_INSTALL}: whether Fieldnotes installs the app for invited people; off by default.
 * Needs an admin's consent to the application permission {@code TeamsAppInstallation.ReadWriteForUser.All}
 * @param catalogAppId {@code TEAMS_CATALOG_APP_ID}: the app's id in the organisation's app catalog (the
 * {@code teamsApp} id Teams gave the uploaded package, not the bot's id)
 * @param url {@code TEAMS_GRAPH_URL}: Microsoft Graph; {@code https://graph.microsoft.com} in the public cloud (US
 * Government: {@code https://graph.microsoft.us}); the scope of its tokens is {@code <url>/.default}
 */
@ConfigurationProperties("fieldnotes.teams.graph")
record TeamsGraphSettings(@DefaultValue("false") boolean install, String catalogAppId,
		@DefaultValue("https://graph.microsoft.com") String url) {

	/** Whether the install is on and has what it needs. */
	boolean on() {
		return install && TeamsSettings.present(catalogAppId);
	}

	String base() {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	String scope() {
		return base() + "/.default";
	}
}
