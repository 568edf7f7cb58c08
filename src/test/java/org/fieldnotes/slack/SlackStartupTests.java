package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How Slack settings decide the way Fieldnotes starts: HTTP mode refuses to run unverified, and no Slack at all is
 * a supported way to run (storage, schedule and admin API work).
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackStartupTests {

	@TempDir
	Path data;

	/**
	 * Starts the app with these settings as command-line arguments: builder "properties" would only be defaults,
	 * which application.yml's {@code ${ENV:}} placeholders override.
	 */
	private ConfigurableApplicationContext run(String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--fieldnotes.store.uri=",
				"--fieldnotes.store.data-dir=" + data, "--spring.quartz.auto-startup=false",
				"--fieldnotes.slack.app-token=", "--fieldnotes.admin.token="));
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(FieldnotesApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void httpModeWithoutSigningSecretStopsStartUpSayingWhatToSet() {
		assertThatThrownBy(() -> run("fieldnotes.slack.bot-token=xoxb-test-token", "fieldnotes.slack.signing-secret=")
			.close()).hasStackTraceContaining("SLACK_SIGNING_SECRET is not set")
			.hasStackTraceContaining("SLACK_APP_TOKEN");
	}

	@Test
	void withoutSlackSettingsTheAppStartsAndSaysSlackIsNotConnected(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("fieldnotes.slack.bot-token=",
				"fieldnotes.slack.signing-secret=")) {
			assertThat(output.getOut()).contains("Slack is not connected: SLACK_BOT_TOKEN is not set");
			assertThat(context.getBean(Messenger.class).connected()).isFalse();

			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> events = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(events.statusCode()).isEqualTo(404);

			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void withoutSlackAPromptIsRecordedAsNotDelivered() {
		try (ConfigurableApplicationContext context = run("fieldnotes.slack.bot-token=")) {
			var placements = context.getBean(org.fieldnotes.placement.PlacementManagement.class);
			String id = placements.enrol(new org.fieldnotes.placement.PlacementDraft(
					new org.fieldnotes.placement.PlacementDraft.PersonDraft("Ada", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UADA"), null, "Europe/Stockholm",
							"en"),
					"KTP", "Scania", "2026-01-05", "2030-12-31",
					new org.fieldnotes.placement.PlacementDraft.PersonDraft("Maja", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UMAJA"), null, null, null), null,
					null, null))
				.getId();
			PromptDelivery delivery = context.getBean(PromptDispatcher.class).sendNext(id);
			assertThat(delivery.status()).isEqualTo(OccurrenceStatus.FAILED);
			assertThat(delivery.failure()).isEqualTo("slack_not_connected");
		}
	}
}
