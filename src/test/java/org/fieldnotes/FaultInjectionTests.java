package org.fieldnotes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxStatus;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.OutageTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The fault-injection suite: Slack answering 429 with {@code Retry-After}, 500 and 503, resetting connections and
 * answering slowly, refusing some messages for good; MongoDB stopped and started again in the middle of sending and
 * while Slack delivers events. At the end it prints what was attempted, delivered, duplicated and lost, and what
 * came in, was stored and was refused — and fails if anything was lost.
 *
 * <p>Outbound messages go through the real senders (prompts by "send now") and the outbox; the worker is run by
 * the test, with the clock moved past each backoff instead of waiting for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionTests extends OutageTest {

	/** Participants with a placement: prompts out, reflections in. */
	private static final int PARTICIPANTS = 30;
	/** Notices through the outbox besides the prompts, one per recipient. */
	private static final int NOTICES = 240;
	/** Messages sent while the store goes down and comes back. */
	private static final int DURING_OUTAGE = 40;
	/** Reflections Slack delivers as events. */
	private static final int EVENTS = 60;

	@Autowired
	Outbox outbox;

	@Autowired
	PromptDispatcher dispatcher;

	@DynamicPropertySource
	static void shortLease(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.outbox.lease", () -> "PT10S");
	}

	@Test
	void slackAndStoreFaultsLoseNothingAndDuplicateAtMostWhatWasInFlight(CapturedOutput output) {
		List<String> participants = new ArrayList<>();
		List<String> placements = new ArrayList<>();
		for (int i = 0; i < PARTICIPANTS; i++) {
			participants.add(String.format("UP%03d", i));
			placements.add(enrol(participants.get(i), "2026-11-02", "2027-04-30"));
		}
		List<String> noticed = new ArrayList<>();
		for (int i = 0; i < NOTICES; i++) {
			noticed.add(String.format("UN%03d", i));
		}
		Set<String> permanent = new LinkedHashSet<>();
		List<String> recipients = new ArrayList<>(participants);
		recipients.addAll(noticed);
		for (int i = 0; i < recipients.size(); i++) {
			permanent.addAll(injectFault(recipients.get(i), i));
		}

		// 1. Slack misbehaves: prompts sent now, notices queued
		for (String placementId : placements) {
			dispatcher.sendNext(placementId);
		}
		for (String recipient : noticed) {
			outbox.enqueue(Outgoing.of("notice:" + recipient, MessageKind.NOTICE, recipient, recipient,
					ChatMessage.text("A notice for " + recipient)));
		}
		int rounds = settle();

		// 2. The store goes away in the middle of sending, and comes back
		List<String> outageRecipients = new ArrayList<>();
		for (int i = 0; i < DURING_OUTAGE; i++) {
			String recipient = String.format("UO%03d", i);
			outageRecipients.add(recipient);
			SlackStub.server()
				.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + recipient))
					.willReturn(aResponse().withStatus(200)
						.withHeader("Content-Type", "application/json")
						.withFixedDelay(40)
						.withBody("{\"ok\":true,\"channel\":\"D" + recipient + "\",\"ts\":\"1764669600." + i + "\"}")));
			outbox.enqueue(Outgoing.of("outage:" + recipient, MessageKind.NOTICE, recipient, recipient,
					ChatMessage.text("Sent around an outage to " + recipient)));
		}
		CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(30)).until(() -> successes("UO").size() >= DURING_OUTAGE / 4);
			STORE.stop();
			await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
			STORE.start();
		});
		int storeErrors = 0;
		while (!outage.isDone() || pending() > 0) {
			try {
				drainOutbox();
			}
			catch (RuntimeException storeDown) {
				storeErrors++;
				await().atMost(Duration.ofSeconds(30)).until(STORE::running);
			}
			// leases held by a send the outage cut off run out
			clock.advance(Duration.ofSeconds(11));
		}
		outage.join();

		// 3. Slack delivers reflections, retries some, and the store goes down in the middle
		Map<String, String> eventTexts = new HashMap<>();
		int received = 0;
		int refused = 0;
		List<Integer> toRetry = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			if (i == EVENTS / 2) {
				STORE.stop();
			}
			if (i == EVENTS / 2 + 10) {
				STORE.start();
				await().atMost(Duration.ofSeconds(15)).until(() -> get("/actuator/health").statusCode() == 200);
			}
			String participant = participants.get(i % PARTICIPANTS);
			String text = "Fault-suite reflection number " + i;
			eventTexts.put("Ev" + i, text);
			HttpResponse<String> response = reflection(i, participant, text, 0);
			received++;
			if (response.statusCode() == 503) {
				refused++;
				toRetry.add(i);
			}
			else {
				assertThat(response.statusCode()).as("event %d", i).isEqualTo(200);
				if (i % 4 == 0) {
					// Slack did not see the 200 in time and retries anyway
					assertThat(reflection(i, participant, text, 1).statusCode()).isEqualTo(200);
					received++;
				}
			}
		}
		for (int i : toRetry) {
			assertThat(reflection(i, participants.get(i % PARTICIPANTS), eventTexts.get("Ev" + i), 1).statusCode())
				.isEqualTo(200);
			received++;
		}

		// the figures
		Map<String, Integer> delivered = new HashMap<>();
		successes("U").forEach(channel -> delivered.merge(channel, 1, Integer::sum));
		List<String> everyone = new ArrayList<>(recipients);
		everyone.addAll(outageRecipients);
		long attempts = SlackStub.calls("chat.postMessage").size();
		long deliveredOnce = everyone.stream().filter(delivered::containsKey).count();
		long duplicated = delivered.values().stream().mapToInt(n -> n - 1).sum();
		long givenUp = everyone.stream().filter(permanent::contains).count();
		long lost = everyone.stream().filter(r -> !delivered.containsKey(r) && !permanent.contains(r)).count();
		List<String> stored = mongo.findAll(Document.class, "logbook_entries")
			.stream()
			.map(d -> d.getString("text"))
			.filter(eventTexts::containsValue)
			.toList();
		long eventsLost = eventTexts.values().stream().filter(text -> !stored.contains(text)).count();
		long eventsDuplicated = stored.size() - stored.stream().distinct().count();
		System.out.printf("""

				Fault-injection figures
				  outbound  messages: %d   Slack calls: %d   delivered: %d   duplicated: %d   lost: %d
				            given up (permanent errors, flagged): %d   worker rounds: %d   store errors while sending: %d
				  inbound   events: %d distinct   requests received: %d   stored: %d   duplicated: %d   refused (503): %d   lost: %d
				%n""", everyone.size(), attempts, deliveredOnce, duplicated, lost, givenUp, rounds, storeErrors,
				EVENTS, received, stored.stream().distinct().count(), eventsDuplicated, refused, eventsLost);

		assertThat(lost).as("outbound messages lost").isZero();
		assertThat(eventsLost).as("events lost").isZero();
		assertThat(eventsDuplicated).as("events stored twice").isZero();
		assertThat(givenUp).isEqualTo(permanent.size()).isPositive();
		assertThat(outbox.failed(100)).hasSize(permanent.size())
			.allSatisfy(failed -> assertThat(failed.reason()).isEqualTo("channel_not_found"));
		// a duplicate needs a send that reached Slack while its record could not: one per outage, one send in flight
		assertThat(duplicated).as("duplicates").isLessThanOrEqualTo(storeErrors);
		assertThat(refused).isPositive();
		assertThat(output.getAll()).doesNotContain("Fault-suite reflection number");
	}

	/**
	 * What goes wrong for this recipient's first message(s): by turns a 429 with {@code Retry-After}, a 500 then a
	 * 503, a reset connection, a slow answer; every 50th is refused for good. Returns the recipient when refused.
	 */
	private static Set<String> injectFault(String recipient, int i) {
		if (i % 50 == 49) {
			SlackStub.server()
				.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + recipient))
					.willReturn(aResponse().withStatus(200)
						.withHeader("Content-Type", "application/json")
						.withBody("{\"ok\":false,\"error\":\"channel_not_found\"}")));
			return Set.of(recipient);
		}
		String scenario = "faults-" + recipient;
		switch (i % 6) {
			case 0 -> once(scenario, recipient, STARTED, "ok", aResponse().withStatus(429)
				.withHeader("Retry-After", "1")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
			case 1 -> {
				once(scenario, recipient, STARTED, "again", aResponse().withStatus(500));
				once(scenario, recipient, "again", "ok", aResponse().withStatus(503));
			}
			case 2 -> once(scenario, recipient, STARTED, "ok", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
			case 3 -> once(scenario, recipient, STARTED, "ok", aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withFixedDelay(150)
				.withBody("{\"ok\":true,\"channel\":\"D" + recipient + "\",\"ts\":\"1764669600.9\"}"));
			default -> {
				// answered at once
			}
		}
		return Set.of();
	}

	private static void once(String scenario, String recipient, String state, String next,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		SlackStub.server()
			.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + recipient))
				.inScenario(scenario)
				.whenScenarioStateIs(state)
				.willSetStateTo(next)
				.willReturn(response));
	}

	/** Runs the worker and moves the clock past every backoff until nothing is left to send; returns the rounds. */
	private int settle() {
		int rounds = 0;
		while (pending() > 0 && rounds < 100) {
			drainOutbox();
			clock.advance(Duration.ofMinutes(16));
			rounds++;
		}
		return rounds;
	}

	private long pending() {
		return outbox.counts().get(OutboxStatus.PENDING) + outbox.counts().get(OutboxStatus.SENDING);
	}

	private HttpResponse<String> reflection(int i, String participant, String text, int retry) {
		String ts = "1764669700." + String.format("%06d", i);
		return retry == 0 ? directMessage("Ev" + i, participant, ts, text, null)
				: directMessage("Ev" + i, participant, ts, text, null, "X-Slack-Retry-Num", String.valueOf(retry),
						"X-Slack-Retry-Reason", "http_timeout");
	}

	/** The conversations (member ids) of every chat.postMessage Slack accepted, once per acceptance. */
	private static List<String> successes(String channelPrefix) {
		List<String> channels = new ArrayList<>();
		for (ServeEvent event : SlackStub.server().getAllServeEvents()) {
			if (event.getRequest().getUrl().equals("/api/chat.postMessage") && event.getResponse().getStatus() == 200
					&& event.getResponse().getBodyAsString().contains("\"ok\":true")) {
				String channel = formField(event.getRequest().getBodyAsString(), "channel");
				if (channel != null && channel.startsWith(channelPrefix)) {
					channels.add(channel);
				}
			}
		}
		return channels;
	}

	private static String formField(String body, String name) {
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
