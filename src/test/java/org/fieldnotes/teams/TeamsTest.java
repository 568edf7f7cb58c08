package org.fieldnotes.teams;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with Teams on (and Slack as in every integration test), WireMock standing in for the Bot
 * Framework's keys, the login host and the connector ({@link TeamsStub}). Every activity that reaches the handler is
 * counted ({@link #handled()}).
 */
@TestPropertySource(properties = { "fieldnotes.teams.app-id=" + TeamsStub.APP_ID,
		"fieldnotes.teams.app-password=" + TeamsStub.APP_PASSWORD, "fieldnotes.teams.tenant-id=" + TeamsStub.TENANT })
@Import(TeamsTest.Counting.class)
abstract class TeamsTest extends IntegrationTest {

	private static final List<TeamsActivity> HANDLED = Collections.synchronizedList(new ArrayList<>());

	@DynamicPropertySource
	static void teams(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.teams.open-id-metadata-url", TeamsStub::metadataUrl);
		registry.add("fieldnotes.teams.login-url", TeamsStub::loginUrl);
		registry.add("fieldnotes.teams.service-hosts", TeamsStub::base);
	}

	@org.springframework.beans.factory.annotation.Autowired
	TeamsConfiguration.TeamsAfterAnswer afterAnswer;

	@BeforeEach
	void resetTeams() {
		TeamsStub.reset();
		HANDLED.clear();
	}

	/** Lets the work started after an answer to Teams finish before the next test resets the stand-ins. */
	@org.junit.jupiter.api.AfterEach
	void awaitTeamsWork() {
		awaitTeams();
	}

	/** Waits until the work after the answers to Teams is done (a form sent, a command answered). */
	protected void awaitTeams() {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(afterAnswer::idle);
	}

	/** The activities the handler was given, in order. */
	static List<TeamsActivity> handled() {
		synchronized (HANDLED) {
			return List.copyOf(HANDLED);
		}
	}

	/** Posts an activity to /teams/messages with this Authorization header (none when {@literal null}). */
	protected HttpResponse<String> activity(String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/teams/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	protected HttpResponse<String> activity(String body) {
		return activity(body, "Bearer " + TeamsStub.goodToken(clock.instant()));
	}

	/** Counts what reaches the handler, and hands it on. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static BeanPostProcessor countingTeamsActivities() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof TeamsActivities activities) {
						return (TeamsActivities) activity -> {
							HANDLED.add(activity);
							return activities.handle(activity);
						};
					}
					return bean;
				}
			};
		}
	}
}
