package org.fieldnotes.demo;

import java.util.List;

import org.fieldnotes.chat.AccountReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the demo is offered, decided once at start and logged with the reason: {@code FIELDNOTES_DEMO=false}
 * turns it off and {@code true} on, always; left empty, it is on when no chat platform is configured (a newcomer's
 * {@code ./mvnw spring-boot:run}) and off when one is (an installation people use). It needs the web chat adapter
 * either way: demo people have only web accounts.
 */
@Component
class DemoGate {

	private static final Logger log = LoggerFactory.getLogger(DemoGate.class);

	/**
	 * The settings that connect a chat platform, as the platforms' adapters read them (Slack: a bot token, see
	 * {@code SlackModes.Connected}; Teams: an app id); a blank value counts as unset, as there.
	 */
	static final List<String> CHAT_PLATFORM_SETTINGS = List.of("fieldnotes.slack.bot-token", "fieldnotes.teams.app-id");

	/** The platform of demo people's accounts. */
	static final String WEB = "web";

	private final boolean enabled;

	DemoGate(DemoSettings settings, Environment environment, AccountReferences references) {
		Binder binder = Binder.get(environment);
		List<String> configured = CHAT_PLATFORM_SETTINGS.stream()
			.filter(name -> binder.bind(name, String.class).map(v -> !v.isBlank()).orElse(false))
			.toList();
		Boolean forced = settings.forced();
		String why;
		if (!references.knows(WEB)) {
			enabled = false;
			why = "no web chat adapter is registered";
		}
		else if (forced != null) {
			enabled = forced;
			why = "FIELDNOTES_DEMO=" + forced;
		}
		else {
			enabled = configured.isEmpty();
			why = enabled ? "no chat platform is configured (set FIELDNOTES_DEMO=false to turn it off)"
					: "a chat platform is configured (" + String.join(", ", configured)
							+ "; set FIELDNOTES_DEMO=true to offer it anyway)";
		}
		log.info("Demo (Try it) is {}: {}; at most {} live demo placements, each removed after {}",
				enabled ? "on" : "off", why, settings.max(), settings.ttl());
	}

	boolean enabled() {
		return enabled;
	}
}
