package org.fieldnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.fieldnotes.delivery.OutboxWorker;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.delivery.TestMessages;
import org.fieldnotes.support.CuttingProxy;
import org.fieldnotes.support.OutageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The fault-injection suite with the production outbox worker: its own threads ({@code fieldnotes.outbox.worker}),
 * at most one message a second to one conversation and a workspace rate (higher than the default, so that the run
 * is short), Slack's faults as in {@link FaultInjectionTests}, and the line to MongoDB cut in the middle of a SENT
 * mark while the threads are sending. The test only enqueues, moves the clock (backoffs, {@code Retry-After},
 * leases: the worker's pacing runs on real time, as in production) and waits for conditions.
 *
 * <p>Its context is closed after it ({@link DirtiesContext}): its worker threads must not drain the outbox of
 * another class on the shared store.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class OutboxWorkerFaultTests extends OutageTest {

	private static final int RATE = 20;
	private static final int CONCURRENCY = 4;
	private static final int RECIPIENTS = 24;
	/** Messages to each recipient: the second to one conversation waits for the first. */
	private static final int EACH = 2;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@DynamicPropertySource
	static void productionWorker(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.outbox.worker", () -> "true");
		registry.add("fieldnotes.outbox.concurrency", () -> String.valueOf(CONCURRENCY));
		registry.add("fieldnotes.outbox.per-channel", () -> "PT1S");
		registry.add("fieldnotes.outbox.rate", () -> String.valueOf(RATE));
		registry.add("fieldnotes.store.timeout", () -> "PT1S");
	}

	@Test
	void theWorkersThreadsPaceRetryAndOutliveAStoreCutLosingNothing(CapturedOutput output) {
		assertThat(worker.isRunning()).isTrue();
		SlackFaults faults = new SlackFaults();
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < RECIPIENTS; i++) {
			String recipient = String.format("UW%03d", i);
			recipients.add(recipient);
			faults.plan(recipient, i == RECIPIENTS - 1 ? new Kind[] { Kind.CHANNEL_NOT_FOUND }
					: FaultInjectionTests.faultsFor(i));
		}
		Predicate<byte[]> sentMark = CuttingProxy.containing("update", "outbox", "status", "SENT");
		AtomicInteger marks = new AtomicInteger();
		int cutsBefore = PROXY.cuts().size();
		int refusedBefore = PROXY.refusedConnections();
		PROXY.cutMidCommand(command -> sentMark.test(command) && marks.incrementAndGet() == RECIPIENTS / 2);
		Map<String, String> keyOfText = new HashMap<>();
		long started = System.nanoTime();

		for (int n = 1; n <= EACH; n++) {
			for (String recipient : recipients) {
				String text = "Worker notice " + n + " for " + recipient;
				keyOfText.put(text, "worker:" + n + ":" + recipient);
				outbox.enqueue(TestMessages.toMember("worker:" + n + ":" + recipient, MessageKind.NOTICE, recipient, recipient,
						ChatMessage.text(text)));
			}
		}
		int logFrom = output.getAll().length();
		// time on the clock passes ten times as fast as real time: backoffs, Retry-After and, after the cut, the
		// leases of the messages that were in flight run out
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			clock.advance(Duration.ofSeconds(2));
			if (PROXY.refusing() && output.getAll().indexOf("Outbox worker: ", logFrom) >= 0
					&& PROXY.refusedConnections() - refusedBefore >= 3) {
				// the worker's threads have found the store unreachable for a while: let it back
				PROXY.restore();
			}
			return PROXY.cuts().size() > cutsBefore && !PROXY.refusing() && pending() == 0;
		});
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		List<ServeEvent> sends = SlackFaults.postMessages();
		Map<String, Integer> posted = SlackFaults.posted("text", "Worker notice ");
		Set<String> permanent = faults.permanent();
		List<String> texts = new ArrayList<>(keyOfText.keySet());
		long lost = texts.stream()
			.filter(t -> !posted.containsKey(t) && permanent.stream().noneMatch(t::endsWith))
			.count();
		Set<String> duplicated = posted.entrySet()
			.stream()
			.filter(e -> e.getValue() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		long duplicates = posted.values().stream().mapToInt(n -> n - 1).sum();
		Set<String> acceptedThenReset = faults.acceptedThenReset();
		Set<String> flaggedKeys = mongo.findAll(Document.class, "outbox")
			.stream()
			.filter(d -> d.getInteger("ambiguousAttempts", 0) > 0)
			.map(d -> d.getString("key"))
			.collect(Collectors.toSet());
		Set<String> flaggedRecipients = flaggedKeys.stream()
			.map(key -> key.substring(key.lastIndexOf(':') + 1))
			.collect(Collectors.toSet());
		CuttingProxy.Cut cut = PROXY.lastCut().orElseThrow();
		long closestToOneConversation = closestToOneConversation(sends);
		int busiestSecond = busiestSecond(sends);
		int mostInFlight = mostInFlight(sends);
		System.out.printf("""

				Fault-injection figures (production worker: %d threads, %d messages/s, 1 s per conversation)
				  Slack answered  %s
				  outbound  messages: %d   Slack calls: %d   delivered: %d   duplicated: %d (%d accepted then reset)   lost: %d
				            given up (flagged): %d   possibly duplicated (flagged): %d
				  pacing    closest two sends to one conversation: %d ms   most sends in any second: %d   most in flight at once: %d
				  store     cut while sending: %s; then refused %d connections
				  took      %.1f s
				%n""", CONCURRENCY, RATE, SlackFaults.answeredLine(), texts.size(), sends.size(), posted.size(),
				duplicates, acceptedThenReset.size(), lost, outbox.failed(100).size(), flaggedKeys.size(),
				closestToOneConversation, busiestSecond, mostInFlight, FaultInjectionTests.describe(cut),
				PROXY.refusedConnections() - refusedBefore, took.toMillis() / 1000.0);

		// every planned fault was answered; a send in flight when the store was cut is made again once its lease runs
		// out (the duplicate bound below), so its answer (a fault, a channel_not_found) may come twice: at most as many
		// extra answers as there were sends in flight
		Map<Kind, Long> answered = SlackFaults.answered();
		Map<Kind, Long> expected = faults.expected(EACH);
		assertThat(answered.keySet()).as("faults Slack answered with").isEqualTo(expected.keySet());
		expected.forEach((kind, times) -> assertThat(answered.get(kind)).as("%s answered", kind).isGreaterThanOrEqualTo(times));
		long extra = expected.entrySet().stream().mapToLong(e -> answered.get(e.getKey()) - e.getValue()).sum();
		assertThat(extra).as("faults answered again after the store cut").isLessThanOrEqualTo(CONCURRENCY);
		assertThat(lost).as("messages lost").isZero();
		assertThat(outbox.failed(100)).hasSize(EACH * permanent.size())
			.allSatisfy(failed -> assertThat(failed.reason()).isEqualTo("channel_not_found"));
		// the worker's own pacing and threads
		// the pacer spaces the moments sends start by 1 s; each request reaches Slack after the HTTP client's own
		// overhead, which varies a little
		assertThat(closestToOneConversation).as("ms between two sends to one conversation").isGreaterThanOrEqualTo(800);
		assertThat(busiestSecond).as("sends in any one second").isLessThanOrEqualTo(RATE + 2);
		assertThat(mostInFlight).as("sends in flight at once (several threads)").isBetween(2, CONCURRENCY);
		// the cut landed in the middle of a command, and new connections were refused for a while
		assertThat(cut.cutInHalf()).isTrue();
		assertThat(cut.commandsUnanswered()).isPositive();
		assertThat(cut.bytesUnanswered()).isPositive();
		assertThat(PROXY.refusedConnections()).isGreaterThan(refusedBefore);
		// the duplicate bound: the messages Slack posted before the connection reset, plus at most the sends in
		// flight when the store was cut (one of them the SENT mark cut in half); each is flagged
		assertThat(duplicated).allSatisfy(text -> assertThat(posted.get(text)).as(text).isEqualTo(2));
		assertThat(duplicated.stream().map(t -> t.substring(t.lastIndexOf(' ') + 1)).collect(Collectors.toSet()))
			.containsAll(acceptedThenReset);
		assertThat(duplicates).isBetween((long) acceptedThenReset.size() + 1, (long) acceptedThenReset.size() + CONCURRENCY);
		assertThat(flaggedKeys).containsAll(duplicated.stream().map(keyOfText::get).toList());
		assertThat(flaggedRecipients).containsAll(faults.ambiguous());
		assertThat(flaggedKeys.size()).isLessThanOrEqualTo(faults.ambiguous().size() + CONCURRENCY);
		assertThat(outbox.possiblyDuplicated()).isEqualTo(flaggedKeys.size());
		assertThat(took).isLessThan(Duration.ofSeconds(60));
	}

	private long pending() {
		return outbox.counts().get(OutboxStatus.PENDING) + outbox.counts().get(OutboxStatus.SENDING);
	}

	/** The least time between two consecutive sends to one conversation, in ms. */
	private static long closestToOneConversation(List<ServeEvent> sends) {
		Map<String, Long> last = new HashMap<>();
		long closest = Long.MAX_VALUE;
		for (ServeEvent send : sends) {
			String channel = SlackFaults.formField(send.getRequest().getBodyAsString(), "channel");
			long at = send.getRequest().getLoggedDate().getTime();
			Long before = last.put(channel, at);
			if (before != null) {
				closest = Math.min(closest, at - before);
			}
		}
		return closest;
	}

	/** The most sends that arrived within any one second. */
	private static int busiestSecond(List<ServeEvent> sends) {
		int most = 0;
		for (int i = 0; i < sends.size(); i++) {
			long from = sends.get(i).getRequest().getLoggedDate().getTime();
			int within = 0;
			for (int j = i; j < sends.size() && sends.get(j).getRequest().getLoggedDate().getTime() < from + 1000; j++) {
				within++;
			}
			most = Math.max(most, within);
		}
		return most;
	}

	/** The most sends Slack was answering at one moment: more than one needs more than one thread. */
	private static int mostInFlight(List<ServeEvent> sends) {
		int most = 0;
		for (ServeEvent send : sends) {
			long at = send.getRequest().getLoggedDate().getTime();
			int inFlight = 0;
			for (ServeEvent other : sends) {
				long from = other.getRequest().getLoggedDate().getTime();
				Integer took = other.getTiming() == null ? null : other.getTiming().getTotalTime();
				long until = from + Math.max(1, took == null ? 1 : took);
				if (from <= at && at < until) {
					inFlight++;
				}
			}
			most = Math.max(most, inFlight);
		}
		return most;
	}
}
