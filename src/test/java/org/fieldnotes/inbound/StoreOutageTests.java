package org.fieldnotes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.fieldnotes.support.OutageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;


/**
 * MongoDB goes away while Slack keeps sending: {@code /slack/events} answers 503 well inside Slack's 3 seconds (so
 * Slack retries and nothing is lost), health says DOWN, the admin API answers 503, and once the store is back the
 * retried event is stored exactly once, with no restart. The store is a wire-protocol server on a fixed port
 * ({@code MONGODB_URI}), stopped and started again by the test with its data kept, as a real MongoDB outage would.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreOutageTests extends OutageTest {

	/** Slack gives an app 3 seconds to answer; the store timeout is 2 s. */
	private static final Duration SLACK_BUDGET = Duration.ofSeconds(3);


	@Test
	void slackEventsAnswer503QuicklyWhileTheStoreIsDownAndTheRetryIsStoredOnceItIsBack(CapturedOutput output) {
		String placementId = enrol("UADA", "2026-11-02", "2027-04-30");
		String text = "Reflection written during the outage";
		int logFrom = output.getAll().length();
		STORE.stop();

		long started = System.nanoTime();
		HttpResponse<String> during = directMessage("EvOut", "UADA", "1764669600.000300", text, null);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("Store down: /slack/events answered " + during.statusCode() + " in " + took.toMillis() + " ms");

		assertThat(during.statusCode()).isEqualTo(503);
		assertThat(took).isLessThan(SLACK_BUDGET);
		// other listeners too: a slash command is not a 500 either
		assertThat(slashCommand("UADA", "me").statusCode()).isEqualTo(503);
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(json(health.body()).get("status").asString()).isEqualTo("DOWN");
		HttpResponse<String> api = get("/api/v1/placements");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		STORE.start();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(
				() -> send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build()).statusCode() == 200);

		// Slack retries the event it got no 200 for; it is stored once, however often it comes
		assertThat(directMessage("EvOut", "UADA", "1764669600.000300", text, null, "X-Slack-Retry-Num", "1",
				"X-Slack-Retry-Reason", "http_error").statusCode()).isEqualTo(200);
		assertThat(directMessage("EvOut", "UADA", "1764669600.000300", text, null, "X-Slack-Retry-Num", "2",
				"X-Slack-Retry-Reason", "http_error").statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(1)
			.allSatisfy(entry -> assertThat(entry.get("text").asString()).isEqualTo(text));

		String log = output.getAll().substring(logFrom);
		assertThat(log).contains("Store unavailable; asking Slack to retry the Event request")
			.contains("The store did not answer a ping")
			.contains("The store answers again")
			.doesNotContain(text);
		assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")))
			.as("ERROR lines or stack traces during the outage").isEmpty();
	}
}
