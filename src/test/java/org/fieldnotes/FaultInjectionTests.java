package org.fieldnotes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.SlackFaults.Kind;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxStatus;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.delivery.TestMessages;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.CuttingProxy;
import org.fieldnotes.support.OutageTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fault-injection suite: Slack answering 429 with {@code Retry-After}, 500 and 503, resetting connections
 * (before and after it posted the message) and answering slowly, refusing some messages for good; the line to
 * MongoDB cut abruptly in the middle of a command, once while sending and once while Slack delivers events. At the
 * end it prints how often each fault happened, what was attempted, delivered, duplicated, flagged and lost, and what
 * came in, was stored and was refused — and fails if a fault did not happen as planned, if anything was lost, or if
 * a duplicate is not among the messages the outbox flags as possibly duplicated.
 *
 * <p>Outbound messages go through the real senders (prompts by "send now") and the outbox; the worker is run by
 * the test, with the clock moved past each backoff instead of waiting for it. {@link OutboxWorkerFaultTests} runs
 * the production worker.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionTests extends OutageTest {

	/** Participants with a placement: prompts out, reflections in. */
	private static final int PARTICIPANTS = 30;
	/** Notices through the outbox besides the prompts, one per recipient. */
	private static final int NOTICES = 150;
	/** Messages sent while the line to the store is cut and comes back. */
	private static final int DURING_OUTAGE = 40;
	/** Reflections Slack delivers as events. */
	private static final int EVENTS = 60;
	/** Events that come while the line to the store is cut: the one cut mid-insert and those refused after it. */
	private static final int EVENTS_DURING_CUT = 5;

	@Autowired
	Outbox outbox;

	@Autowired
	PromptDispatcher dispatcher;

	@DynamicPropertySource
	static void shortLeaseAndStoreTimeout(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.outbox.lease", () -> "PT10S");
		// each call while the store is cut off waits this long before it fails
		registry.add("fieldnotes.store.timeout", () -> "PT1S");
	}

	@Test
	void slackAndStoreFaultsLoseNothingAndEveryDuplicateIsAmongThoseFlagged(CapturedOutput output) {
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
		List<String> recipients = new ArrayList<>(participants);
		recipients.addAll(noticed);
		SlackFaults faults = new SlackFaults();
		for (int i = 0; i < recipients.size(); i++) {
			faults.plan(recipients.get(i), faultsFor(i));
		}

		// 1. Slack misbehaves: prompts sent now, notices queued
		for (String placementId : placements) {
			dispatcher.sendNext(placementId);
		}
		for (String recipient : noticed) {
			outbox.enqueue(TestMessages.toMember("notice:" + recipient, MessageKind.NOTICE, recipient, recipient,
					ChatMessage.text("A notice for " + recipient)));
		}
		int rounds = settle();

		// 2. The line to the store is cut in the middle of the SENT mark of a message Slack has just accepted (the
		// worst moment: the store never records it), new connections are refused, then let through again
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
			outbox.enqueue(TestMessages.toMember("outage:" + recipient, MessageKind.NOTICE, recipient, recipient,
					ChatMessage.text("Sent around an outage to " + recipient)));
		}
		Predicate<byte[]> sentMark = CuttingProxy.containing("update", "outbox", "status", "SENT");
		AtomicInteger marks = new AtomicInteger();
		int refusedBefore = PROXY.refusedConnections();
		PROXY.cutMidCommand(command -> sentMark.test(command) && marks.incrementAndGet() == DURING_OUTAGE / 4);
		int storeErrors = 0;
		for (int round = 0; round < 50; round++) {
			try {
				drainOutbox();
				if (pending() == 0) {
					break;
				}
			}
			catch (RuntimeException storeCutOff) {
				storeErrors++;
				if (storeErrors == 2) {
					// the second failure was a refused connection: the store has been unreachable for a while
					PROXY.restore();
				}
			}
			// the lease of the message whose SENT mark was cut runs out
			clock.advance(Duration.ofSeconds(11));
		}
		CuttingProxy.Cut outboundCut = PROXY.lastCut().orElseThrow();
		int refusedOutbound = PROXY.refusedConnections() - refusedBefore;

		// 3. Slack delivers reflections, retries some, and the line to the store is cut in the middle of storing one
		Map<String, String> eventTexts = new HashMap<>();
		int received = 0;
		int refused = 0;
		List<Integer> toRetry = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			if (i == EVENTS / 2) {
				PROXY.cutMidCommand(CuttingProxy.containing("insert", "logbook_entries"));
			}
			if (i == EVENTS / 2 + EVENTS_DURING_CUT) {
				PROXY.restore();
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
		CuttingProxy.Cut inboundCut = PROXY.lastCut().orElseThrow();

		// the figures
		Map<String, Integer> posted = SlackFaults.posted("U");
		List<String> everyone = new ArrayList<>(recipients);
		everyone.addAll(outageRecipients);
		Set<String> permanent = faults.permanent();
		long attempts = SlackStub.calls("chat.postMessage").size();
		long deliveredOnce = everyone.stream().filter(posted::containsKey).count();
		Set<String> duplicatedTo = posted.entrySet()
			.stream()
			.filter(e -> e.getValue() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		long duplicated = posted.values().stream().mapToInt(n -> n - 1).sum();
		long acceptedThenReset = faults.acceptedThenReset().stream().mapToInt(r -> posted.getOrDefault(r, 0) - 1).sum();
		long givenUp = everyone.stream().filter(permanent::contains).count();
		long lost = everyone.stream().filter(r -> !posted.containsKey(r) && !permanent.contains(r)).count();
		Set<String> flagged = mongo.findAll(Document.class, "outbox")
			.stream()
			.filter(d -> d.getInteger("ambiguousAttempts", 0) > 0)
			// the member the message went to (its chat account), as Slack saw it
			.map(d -> d.get("account") instanceof Document account ? account.getString("memberId")
					: d.getString("recipient"))
			.collect(Collectors.toSet());
		long possiblyDuplicated = json(get("/api/v1/deliveries").body()).get("possiblyDuplicated").asLong();
		List<String> stored = mongo.findAll(Document.class, "logbook_entries")
			.stream()
			.map(d -> d.getString("text"))
			.filter(eventTexts::containsValue)
			.toList();
		long eventsLost = eventTexts.values().stream().filter(text -> !stored.contains(text)).count();
		long eventsDuplicated = stored.size() - stored.stream().distinct().count();
		System.out.printf("""

				Fault-injection figures (worker run by the test)
				  Slack answered  %s
				  outbound  messages: %d   Slack calls: %d   delivered: %d   duplicated: %d (%d accepted then reset, %d SENT mark cut)   lost: %d
				            given up (permanent errors, flagged): %d   possibly duplicated (flagged): %d   worker rounds: %d   store errors while sending: %d
				  store     cut while sending: %s; then refused %d connections
				            cut while receiving: %s
				  inbound   events: %d distinct   requests received: %d   stored: %d   duplicated: %d   refused (503): %d   lost: %d
				%n""", SlackFaults.answeredLine(), everyone.size(), attempts, deliveredOnce, duplicated,
				acceptedThenReset, duplicated - acceptedThenReset, lost, givenUp, possiblyDuplicated, rounds, storeErrors,
				describe(outboundCut), refusedOutbound, describe(inboundCut), EVENTS, received,
				stored.stream().distinct().count(), eventsDuplicated, refused, eventsLost);

		// every fault happened, as often as planned
		assertThat(SlackFaults.answered()).as("faults Slack answered with").isEqualTo(faults.expected(1));
		assertThat(lost).as("outbound messages lost").isZero();
		assertThat(givenUp).isEqualTo(permanent.size()).isPositive();
		assertThat(outbox.failed(100)).hasSize(permanent.size())
			.allSatisfy(failed -> assertThat(failed.reason()).isEqualTo("channel_not_found"));
		// both cuts landed in the middle of a command: sent toward the store, never answered
		for (CuttingProxy.Cut cut : List.of(outboundCut, inboundCut)) {
			assertThat(cut.cutInHalf()).isTrue();
			assertThat(cut.commandsUnanswered()).isPositive();
			assertThat(cut.bytesUnanswered()).isPositive();
		}
		assertThat(PROXY.cuts()).hasSize(2);
		assertThat(refusedOutbound).isPositive();
		assertThat(storeErrors).isGreaterThanOrEqualTo(2);
		// the duplicates: every message Slack posted before the connection reset, and the one whose SENT mark was cut
		// off (taken over after its lease and sent again); nothing else
		Set<String> outageDuplicates = new HashSet<>(duplicatedTo);
		outageDuplicates.retainAll(outageRecipients);
		assertThat(outageDuplicates).hasSize(1);
		Set<String> expectedDuplicates = new HashSet<>(faults.acceptedThenReset());
		expectedDuplicates.addAll(outageDuplicates);
		assertThat(duplicatedTo).isEqualTo(expectedDuplicates);
		assertThat(duplicatedTo).allSatisfy(r -> assertThat(posted.get(r)).as(r).isEqualTo(2));
		// the outbox flags every send whose outcome it could not know, and every duplicate is among them
		assertThat(flagged).containsAll(duplicatedTo);
		Set<String> expectedFlagged = new HashSet<>(faults.ambiguous());
		expectedFlagged.addAll(outageDuplicates);
		assertThat(flagged).isEqualTo(expectedFlagged);
		assertThat(possiblyDuplicated).isEqualTo(flagged.size());
		assertThat(eventsLost).as("events lost").isZero();
		assertThat(eventsDuplicated).as("events stored twice").isZero();
		assertThat(refused).isEqualTo(EVENTS_DURING_CUT);
		assertThat(output.getAll()).doesNotContain("Fault-suite reflection number");
	}

	/**
	 * What goes wrong for this recipient's first message(s): by turns a 429 with {@code Retry-After}, a 500 then a
	 * 503, a reset connection, a slow answer, and for every 12th a message Slack posts before the connection resets;
	 * every 50th is refused for good.
	 */
	static Kind[] faultsFor(int i) {
		if (i % 50 == 49) {
			return new Kind[] { Kind.CHANNEL_NOT_FOUND };
		}
		return switch (i % 6) {
			case 0 -> new Kind[] { Kind.RATE_LIMITED };
			case 1 -> new Kind[] { Kind.SERVER_ERROR, Kind.UNAVAILABLE };
			case 2 -> new Kind[] { Kind.RESET };
			case 3 -> new Kind[] { Kind.SLOW };
			case 4 -> i % 12 == 4 ? new Kind[] { Kind.ACCEPTED_THEN_RESET } : new Kind[0];
			default -> new Kind[0];
		};
	}

	static String describe(CuttingProxy.Cut cut) {
		return String.format("%d connections reset, %d with a command unanswered (%d bytes sent toward the store)%s",
				cut.connectionsReset(), cut.commandsUnanswered(), cut.bytesUnanswered(),
				cut.cutInHalf() ? ", one cut in half" : "");
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
}
