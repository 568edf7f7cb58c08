package org.fieldnotes.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.fieldnotes.FieldnotesApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.bolt.App;

/**
 * Bolt's app is started while Fieldnotes starts, not by the first Slack request (which would otherwise wait on
 * Bolt's start lock: docs/performance.md, P1), and a Slack that refuses the token does not stop Fieldnotes starting.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoltStartTests {

	@TempDir
	Path data;

	private final WireMockServer slack = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void startSlack() {
		slack.start();
	}

	@AfterEach
	void stopSlack() {
		slack.stop();
	}

	private ConfigurableApplicationContext run() {
		return new SpringApplicationBuilder(FieldnotesApplication.class).run("--server.port=0",
				"--fieldnotes.store.uri=", "--fieldnotes.store.data-dir=" + data, "--spring.quartz.auto-startup=false",
				"--fieldnotes.slack.app-token=", "--fieldnotes.admin.token=",
				"--fieldnotes.slack.bot-token=xoxb-test-token", "--fieldnotes.slack.signing-secret=test-secret",
				"--fieldnotes.slack.api-url=" + slack.baseUrl() + "/api/");
	}

	@Test
	void boltsAppIsStartedBeforeAnySlackRequestArrives() {
		slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
				"{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\",\"team\":\"Test\"}")));

		try (ConfigurableApplicationContext context = run()) {
			App app = context.getBean(App.class);

			// no request has been sent to /slack/events: without the start ahead, Bolt would still be Stopped
			await().atMost(Duration.ofSeconds(30)).until(() -> app.status() == App.Status.Running);
			slack.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo("/api/auth.test")));
		}
	}

	@Test
	void aSlackThatRefusesTheTokenAtStartLeavesBoltToStartWithTheFirstRequest(CapturedOutput output) {
		slack.stubFor(post(urlPathMatching("/api/.*")).willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

		try (ConfigurableApplicationContext context = run()) {
			App app = context.getBean(App.class);

			await().atMost(Duration.ofSeconds(30))
				.until(() -> output.getOut().contains("Bolt's app did not start ahead of the first request"));
			assertThat(app.status()).isEqualTo(App.Status.Stopped);
			assertThat(context.isRunning()).isTrue();
		}
	}
}
