package org.fieldnotes.teams;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires Microsoft Teams: when on (an app id and password, or the development flag), the endpoint
 * {@code /teams/messages} behind the token check, and the Bot Connector client for the messenger. Off, the messenger
 * fails every send as {@code teams_not_connected} and there is no endpoint.
 *
 * <p>What an authenticated activity does is {@link TeamsChat}'s (the one {@link TeamsActivities}).
 */
@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TeamsConfiguration.class);
	static final String MESSAGES_PATH = "/teams/messages";

	/** One HTTP client for the login host and the connector: no redirects (a token must not follow one). */
	@Bean
	TeamsHttp teamsHttp() {
		return new TeamsHttp(HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	/**
	 * Where the work after an answer to Teams runs (opening a form, the confirmation after a saved entry, a command's
	 * answer): a small pool of its own, so the request that Teams waits on is answered first.
	 */
	@Bean(destroyMethod = "shutdown")
	TeamsAfterAnswer teamsAfterAnswer() {
		java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
		return new TeamsAfterAnswer(new java.util.concurrent.ThreadPoolExecutor(2, 2, 60,
				java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
					Thread thread = new Thread(r, "teams-after-answer-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}));
	}

	@Bean
	TeamsMessenger teamsMessenger(TeamsSettings settings, TeamsConversations conversations, TeamsForms forms,
			TeamsFiles files, TeamsHttp http, Clock clock) {
		if (!settings.on()) {
			log.info("Microsoft Teams is off: TEAMS_APP_ID and TEAMS_APP_PASSWORD are not set (see docs/teams.md)");
			return new TeamsMessenger(conversations, forms, files, null, null);
		}
		TeamsTokens tokens = settings.credentials() ? new TeamsTokens(settings, http.client(), clock) : null;
		log.info("Microsoft Teams is on: activities at {}, tokens from {} for tenant {}, connector hosts {}",
				MESSAGES_PATH, settings.tokenEndpoint().getHost(), settings.authority(), settings.serviceHosts());
		return new TeamsMessenger(conversations, forms, files,
				new BotConnector(new ServiceUrls(settings.serviceHosts()), tokens, http.client(), clock),
				settings.appId());
	}

	/** Files offered in Teams chats until the person accepts them (their data export). */
	@Bean
	TeamsFiles teamsFiles(TeamsSettings settings, TeamsHttp http, Clock clock) {
		return new TeamsFiles(new ServiceUrls(settings.serviceHosts()), http.client(), clock);
	}

	/** The optional install through Microsoft Graph: on with TEAMS_GRAPH_INSTALL, a catalog app id and credentials. */
	@Bean
	TeamsGraphInstalls teamsGraphInstalls(TeamsSettings settings, TeamsGraphSettings graph, TeamsHttp http, Clock clock,
			TeamsConversations conversations, PlacementManagement placements, ApplicationEventPublisher events) {
		boolean on = graph.on() && settings.credentials();
		if (graph.install() && !on) {
			log.warn("TEAMS_GRAPH_INSTALL=true, but the install through Microsoft Graph needs TEAMS_CATALOG_APP_ID and "
					+ "the bot's TEAMS_APP_ID and TEAMS_APP_PASSWORD: it is off (see docs/teams.md)");
		}
		else if (on) {
			log.info("Microsoft Teams: Fieldnotes installs itself through Microsoft Graph at {} for invited people",
					URI.create(graph.base()).getHost());
		}
		return new TeamsGraphInstalls(graph, on ? new TeamsTokens(settings, graph.scope(), http.client(), clock) : null,
				http.client(), conversations, placements, events);
	}

	@Bean
	@Conditional(On.class)
	ServletRegistrationBean<TeamsMessagesServlet> teamsMessages(TeamsActivities activities) {
		return new ServletRegistrationBean<>(new TeamsMessagesServlet(activities), MESSAGES_PATH);
	}

	@Bean
	@Conditional(On.class)
	FilterRegistrationBean<TeamsAuthenticationFilter> teamsAuthentication(TeamsSettings settings, TeamsHttp http,
			Clock clock, Environment environment) {
		settings.checkDevFlag(environment.getProperty("server.address"));
		BotFrameworkTokenCheck check = null;
		if (settings.devUnauthenticated()) {
			log.warn("TEAMS_DEV_UNAUTHENTICATED=true: {} accepts requests WITHOUT checking any token. For a local test "
					+ "tool only; never in production.", MESSAGES_PATH);
		}
		else {
			check = new BotFrameworkTokenCheck(
					new BotFrameworkKeys(URI.create(settings.openIdMetadataUrl()), http.client(), clock),
					settings.tokenIssuer(), settings.appId(), clock);
		}
		var registration = new FilterRegistrationBean<>(new TeamsAuthenticationFilter(check, settings.maxBodyBytes()));
		registration.addUrlPatterns(MESSAGES_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The pool that runs the work after an answer to Teams. */
	record TeamsAfterAnswer(java.util.concurrent.ThreadPoolExecutor executor,
			java.util.concurrent.atomic.AtomicInteger pending) {

		TeamsAfterAnswer(java.util.concurrent.ThreadPoolExecutor executor) {
			this(executor, new java.util.concurrent.atomic.AtomicInteger());
		}

		/** Runs the work soon, in the pool; a failure is logged by its type only (it may quote someone's words). */
		void run(Runnable work) {
			pending.incrementAndGet();
			try {
				executor.execute(() -> {
					try {
						work.run();
					}
					catch (RuntimeException e) {
						log.error("Work after an answer to Teams failed: {}", e.getClass().getName());
					}
					finally {
						pending.decrementAndGet();
					}
				});
			}
			catch (RuntimeException e) {
				pending.decrementAndGet();
				throw e;
			}
		}

		void shutdown() {
			executor.shutdown();
		}

		/** Whether nothing is running or waiting (for tests, which wait for it between tests). */
		boolean idle() {
			return pending.get() == 0;
		}
	}

	/** The HTTP client of the Teams adapter, as a type of its own so that no other module's client is taken. */
	record TeamsHttp(HttpClient client) {
	}

	/** Teams is on: an app id and password, or the development flag. A blank variable counts as unset. */
	static class On implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean credentials = present(binder, "app-id") && present(binder, "app-password");
			return credentials || binder.bind("fieldnotes.teams.dev-unauthenticated", Boolean.class).orElse(false);
		}

		private static boolean present(Binder binder, String name) {
			return binder.bind("fieldnotes.teams." + name, String.class).map(v -> !v.isBlank()).orElse(false);
		}
	}
}
