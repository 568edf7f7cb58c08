package org.fieldnotes.bench;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;

/**
 * The floor the ingestion benchmark measures Fieldnotes against: the smallest Bolt-for-Java app on the same Spring
 * Boot and Bolt versions, with Bolt's stock servlet at {@code /slack/events}. It verifies each request's signature
 * (Bolt's own check) and acknowledges {@code message} events, and does nothing else: no store, no scheduler, no
 * security filters. Started in a child JVM like Fieldnotes ({@code support/ChildFieldnotes}), with the same
 * {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_API_URL} and {@code SERVER_PORT} variables.
 * {@code /actuator/health} answers UP once the web server is started, so both are timed to UP the same way.
 * <p>
 * Deliberately not a {@code @Configuration} (its {@code @Bean} methods work in Spring's "lite" mode as the primary
 * source): the application's component scan covers {@code org.fieldnotes}, test classes included, and would pick
 * this app's Bolt {@code App} up into every integration test's context.
 */
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class })
public class BareBoltApp {

	public static void main(String[] args) {
		SpringApplication.run(BareBoltApp.class, args);
	}

	@Bean
	App slackApp() {
		SlackConfig slackConfig = new SlackConfig();
		slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
		App app = new App(AppConfig.builder()
			.slack(Slack.getInstance(slackConfig))
			.singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
			.signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
			.build());
		app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
		return app;
	}

	@Bean
	ServletRegistrationBean<SlackAppServlet> slackEvents(App app) {
		return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
	}

	@Bean
	ServletRegistrationBean<HttpServlet> health() {
		return new ServletRegistrationBean<>(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.setContentType("application/json");
				response.getWriter().write("{\"status\":\"UP\"}");
			}
		}, "/actuator/health");
	}
}
