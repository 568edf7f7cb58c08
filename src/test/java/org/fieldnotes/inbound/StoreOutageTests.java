package org.fieldnotes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.fieldnotes.support.CuttingProxy;
import org.fieldnotes.support.OutageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MongoDB goes away while Slack keeps sending: {@code /slack/events} answers 503 well inside Slack's 3 seconds (so
 * Slack retries and nothing is lost), health says DOWN, the admin API answers 503, and once the store is back the
 * retried events are stored exactly once, with no restart. The line to the store (a wire-protocol server,
 * {@code MONGODB_URI}) is cut abruptly by a {@link CuttingProxy}: in the middle of storing an event, every
 * connection reset at once, and new connections refused until the test lets them through again.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreOutageTests extends OutageTest {

	/** {@code FIELDNOTES_STORE_TIMEOUT} for this test: shorter than the default 2 s, so the bound below has room. */
	private static final Duration STORE_TIMEOUT = Duration.ofSeconds(1);
	/** What answering takes beyond the store timeout (the request, the 503, a loaded machine): stated, not measured. */
	private static final Duration MARGIN = Duration.ofSeconds(1);
	/** Slack gives an app 3 seconds to answer. */
	private static final Duration SLACK_BUDGET = Duration.ofSeconds(3);

	@DynamicPropertySource
	static void storeTimeout(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.store.timeout", STORE_TIMEOUT::toString);
	}

	@Test
	void slackEventsAnswer503QuicklyWhileTheStoreIsDownAndTheRetryIsStoredOnceItIsBack(CapturedOutput output) {
		String placementId = enrol("UADA", "2026-11-02", "2027-04-30");
		String cutText = "Reflection whose storing was cut off";
		String text = "Reflection written during the outage";
		int logFrom = output.getAll().length();

		// the line is cut in the middle of storing one event
		PROXY.cutMidCommand(CuttingProxy.containing("insert", "logbook_entries"));
		assertThat(directMessage("EvCut", "UADA", "1764669600.000200", cutText, null).statusCode()).isEqualTo(503);
		CuttingProxy.Cut cut = PROXY.lastCut().orElseThrow();
		assertThat(cut.cutInHalf()).isTrue();
		assertThat(cut.commandsUnanswered()).isPositive();
		assertThat(cut.bytesUnanswered()).isPositive();

		// and stays down: the next event waits for the store timeout, not longer
		long started = System.nanoTime();
		HttpResponse<String> during = directMessage("EvOut", "UADA", "1764669600.000300", text, null);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("Store down: /slack/events answered " + during.statusCode() + " in " + took.toMillis()
				+ " ms (store timeout " + STORE_TIMEOUT.toMillis() + " ms)");

		assertThat(during.statusCode()).isEqualTo(503);
		assertThat(took).isLessThan(STORE_TIMEOUT.plus(MARGIN)).isLessThan(SLACK_BUDGET);
		assertThat(PROXY.refusedConnections()).isPositive();
		// other listeners too: a slash command is not a 500 either
		assertThat(slashCommand("UADA", "me").statusCode()).isEqualTo(503);
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(json(health.body()).get("status").asString()).isEqualTo("DOWN");
		HttpResponse<String> api = get("/api/v1/placements");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		PROXY.restore();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(
				() -> send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build()).statusCode() == 200);

		// Slack retries the events it got no 200 for; each is stored once, however often it comes
		for (int retry = 1; retry <= 2; retry++) {
			assertThat(directMessage("EvCut", "UADA", "1764669600.000200", cutText, null, "X-Slack-Retry-Num",
					String.valueOf(retry), "X-Slack-Retry-Reason", "http_error").statusCode()).isEqualTo(200);
			assertThat(directMessage("EvOut", "UADA", "1764669600.000300", text, null, "X-Slack-Retry-Num",
					String.valueOf(retry), "X-Slack-Retry-Reason", "http_error").statusCode()).isEqualTo(200);
		}
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(2)
			.extracting(entry -> entry.get("text").asString())
			.containsExactlyInAnyOrder(cutText, text);

		String log = output.getAll().substring(logFrom);
		assertThat(log).contains("Store unavailable; asking Slack to retry the Event request")
			.contains("The store did not answer a ping")
			.contains("The store answers again")
			.doesNotContain(text)
			.doesNotContain(cutText);
		assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")))
			.as("ERROR lines or stack traces during the outage").isEmpty();
	}

	@Test
	void aStoreThatStopsAnsweringIsGivenUpOnAfterItsReadTimeout() {
		String placementId = enrol("UADA", "2026-11-02", "2027-04-30");
		// connections stay open and nothing comes back: no reset, no refusal, as behind a silent network partition
		PROXY.silenceNow();
		long started = System.nanoTime();
		HttpResponse<String> during = directMessage("EvSilent", "UADA", "1764669600.000400", "Written into the silence",
				null);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("Store silent: /slack/events answered " + during.statusCode() + " in " + took.toMillis()
				+ " ms (read timeout " + STORE_TIMEOUT.multipliedBy(5).toMillis() + " ms)");

		assertThat(PROXY.swallowedReplies()).as("the store answered, and the answer never came back").isPositive();
		assertThat(during.statusCode()).isEqualTo(503);
		// the driver retries a read once on a network error (retryReads), on a new connection: at most two read timeouts
		assertThat(took).isLessThan(STORE_TIMEOUT.multipliedBy(5 * 2).plus(MARGIN.multipliedBy(2)));

		PROXY.restore();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(
				() -> send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build()).statusCode() == 200);
		assertThat(directMessage("EvSilent", "UADA", "1764669600.000400", "Written into the silence", null,
				"X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error").statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(1);
	}
}
