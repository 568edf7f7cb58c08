package org.fieldnotes.slack;

import java.time.Clock;
import java.util.List;

import org.fieldnotes.chat.PlatformDirectory;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;

/**
 * Wires Slack: the Web API client (at {@code SLACK_API_URL}), the Bolt app with its listeners, and either the
 * HTTP endpoint {@code /slack/events} behind the signature filter or a Socket Mode connection. With no bot token
 * the app runs without Slack.
 */
@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);
	static final String EVENTS_PATH = "/slack/events";

	@Bean
	Slack slack(SlackSettings settings) {
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(settings.apiUrlWithSlash());
		config.setPrettyResponseLoggingEnabled(false);
		// the SDK's HTTP client, changed so that a message is never posted twice unseen (see SlackHttp)
		return Slack.getInstance(config, SlackHttp.client(config));
	}

	/** The Slack adapter's messenger: messages to {@code slack} accounts go through it. */
	@Bean
	PlatformMessenger slackMessenger(SlackSettings settings, Slack slack, ObjectProvider<SlackTexts> texts) {
		if (!settings.connected()) {
			log.warn("Slack is not connected: SLACK_BOT_TOKEN is not set. Storage, the schedule, the admin API and the "
					+ "other chat channels work; prompts and digests to Slack members are recorded as not delivered. "
					+ "See README → Connect Slack.");
			return new DisconnectedMessenger();
		}
		if (settings.httpMode() && !settings.hasSigningSecret()) {
			throw new IllegalStateException("SLACK_SIGNING_SECRET is not set. Fieldnotes receives Slack requests at "
					+ EVENTS_PATH + " and must verify their signatures: set SLACK_SIGNING_SECRET (Slack app → Basic "
					+ "Information → Signing Secret), or set SLACK_APP_TOKEN to use Socket Mode, or unset "
					+ "SLACK_BOT_TOKEN to run without Slack.");
		}
		log.info("Slack connected ({} mode, Web API at {})", settings.socketMode() ? "Socket" : "HTTP",
				settings.apiUrlWithSlash());
		return new SlackMessenger(slack.methods(settings.botToken()), account -> {
			SlackTexts t = texts.getObject();
			return t.t("slack.continued", t.localeOf(account));
		});
	}

	/** Who people are on Slack ({@code users.info}, scope {@code users:read}). */
	@Bean
	PlatformDirectory slackPeopleDirectory(SlackSettings settings, Slack slack) {
		return settings.connected() ? new SlackPeopleDirectory(slack.methods(settings.botToken()))
				: new DisconnectedPeopleDirectory();
	}

	@Bean
	@Conditional(SlackModes.Connected.class)
	App slackApp(SlackSettings settings, Slack slack, List<SlackListener> listeners) {
		AppConfig.AppConfigBuilder config = AppConfig.builder()
			.slack(slack)
			.singleTeamBotToken(settings.botToken())
			// SlackSignatureFilter verifies every HTTP request before Bolt sees it, more strictly than Bolt would
			.requestVerificationEnabled(false)
			// events without a listener are acknowledged before Bolt looks for one to suggest (its suggestion
			// throws for odd event types, e.g. a message subtype "_": found by fuzzing)
			.allEventsApiAutoAckEnabled(true)
			.unmatchedRequestHandler(request -> request.getRequestType() == RequestType.Event
					? Response.ok() // an event we do not listen to: acknowledge it so Slack does not retry
					: Response.builder().statusCode(404).body("{\"error\":\"unhandled request\"}").build());
		if (settings.hasSigningSecret()) {
			config.signingSecret(settings.signingSecret());
		}
		App app = new App(config.build());
		listeners.forEach(listener -> listener.register(app));
		return app;
	}

	/**
	 * Starts Bolt's app while the server is still starting. Left to itself, Bolt starts its app on the first request
	 * ({@code App.run}), holding a lock while it builds its middleware and checks the token with {@code auth.test}:
	 * in P1's cold run 199 requests waited on that lock, 363 s in all (docs/performance.md). Started on a thread of its
	 * own, so that a slow or unreachable Slack does not hold up the start; should it fail, Bolt starts on the first
	 * request as before.
	 */
	@Bean
	@Conditional(SlackModes.Http.class)
	SmartInitializingSingleton startBoltBeforeTraffic(App app) {
		return () -> {
			Thread start = new Thread(() -> {
				try {
					app.start();
				}
				catch (RuntimeException e) {
					log.warn("Bolt's app did not start ahead of the first request ({}); it starts with that request",
							e.getClass().getSimpleName());
				}
			}, "bolt-start");
			start.setDaemon(true);
			start.start();
		};
	}

	@Bean
	@Conditional(SlackModes.Http.class)
	ServletRegistrationBean<SlackEventsServlet> slackEvents(App app) {
		return new ServletRegistrationBean<>(new SlackEventsServlet(app), EVENTS_PATH);
	}

	@Bean
	@Conditional(SlackModes.Http.class)
	FilterRegistrationBean<SlackSignatureFilter> slackSignatureFilter(SlackSettings settings, Clock clock) {
		var registration = new FilterRegistrationBean<>(
				new SlackSignatureFilter(settings.signingSecret(), settings.maxBodyBytes(), clock));
		registration.addUrlPatterns(EVENTS_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@Conditional(SlackModes.Socket.class)
	SocketModeConnection socketMode(SlackSettings settings, App app) {
		return new SocketModeConnection(settings.appToken(), app);
	}
}
