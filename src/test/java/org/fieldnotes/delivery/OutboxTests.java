package org.fieldnotes.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;

import com.github.tomakehurst.wiremock.http.Fault;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;

/**
 * The outbox against the embedded store and WireMock as Slack: rate limits, server errors, permanent refusals,
 * idempotency keys, leases and two instances draining one outbox.
 */
class OutboxTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PlacementManagement placements;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxStore store;

	@Autowired
	OutboxSettings settings;

	@Autowired
	OutboxWorker worker;

	@Autowired
	Messenger messenger;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	org.fieldnotes.mail.Mailer mailer;

	@Test
	void aRateLimitedPromptWaitsAsLongAsSlackSaysAndThenGoesOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		SlackStub.rateLimited("chat.postMessage", 30);

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.CLAIMED);
		Document queued = outboxDocument("prompt:" + delivery.occurrenceId());
		assertThat(queued.getString("status")).isEqualTo("PENDING");
		assertThat(queued.getString("failure")).isEqualTo("ratelimited");
		assertThat(queued.getDate("nextAttemptAt").toInstant()).isEqualTo(DEFAULT_NOW.plusSeconds(30));

		// while the limit holds nothing is sent, not even a new message: it is queued for when the limit has passed
		SlackStub.reset();
		clock.advance(Duration.ofSeconds(29));
		assertThat(drainOutbox()).isZero();
		Delivery meanwhile = outbox.send(TestMessages.toMember("test:meanwhile", MessageKind.NOTICE, "m", "UBEATA",
				ChatMessage.text("Meanwhile")));
		assertThat(meanwhile.status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();

		clock.advance(Duration.ofSeconds(1));
		assertThat(drainOutbox()).isEqualTo(2);
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(SlackStub.messagesTo("UBEATA")).hasSize(1);
		Document occurrence = mongo.findById(delivery.occurrenceId(), Document.class, "prompt_occurrences");
		assertThat(occurrence.getString("status")).isEqualTo("SENT");
		assertThat(occurrence.getString("messageTs")).isNotBlank();
		assertThat(outboxDocument("prompt:" + delivery.occurrenceId())).doesNotContainKey("message");

		assertThat(drainOutbox()).isZero();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
	}

	@Test
	void serverErrorsAreRetriedWithGrowingJitteredBackoffThenGivenUpAndFlagged() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		SlackStub.status("chat.postMessage", 500);
		PromptDelivery delivery = dispatcher.sendNext(placementId);
		String key = "prompt:" + delivery.occurrenceId();

		List<Duration> waits = new ArrayList<>();
		for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
			Document pending = outboxDocument(key);
			assertThat(pending.getString("status")).as("after attempt %d", attempt).isEqualTo("PENDING");
			Instant next = pending.getDate("nextAttemptAt").toInstant();
			waits.add(Duration.between(clock.instant(), next));
			clock.set(next);
			assertThat(drainOutbox()).isEqualTo(1);
		}

		assertThat(SlackStub.messagesTo(ADA)).hasSize(settings.maxAttempts());
		for (int i = 0; i < waits.size(); i++) {
			long ceiling = Math.min(settings.maxBackoff().toMillis(), settings.backoff().toMillis() << i);
			assertThat(waits.get(i)).as("wait %d", i + 1)
				.isBetween(settings.backoff(), Duration.ofMillis(ceiling));
		}
		Document failed = outboxDocument(key);
		assertThat(failed.getString("status")).isEqualTo("FAILED");
		assertThat(failed.getString("failure")).isEqualTo("http_500 (after 10 attempts)");
		assertThat(failed).doesNotContainKey("message");
		Document occurrence = mongo.findById(delivery.occurrenceId(), Document.class, "prompt_occurrences");
		assertThat(occurrence.getString("status")).isEqualTo("FAILED");
		assertThat(outbox.failed(10)).extracting(Outbox.FailedDelivery::key).containsExactly(key);

		clock.advance(Duration.ofDays(1));
		assertThat(drainOutbox()).isZero();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(settings.maxAttempts());
	}

	@Test
	void aDeactivatedParticipantIsGivenUpAtOnceAndGetsNoMorePrompts() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		SlackStub.error("chat.postMessage", "account_inactive");

		PromptDelivery delivery = dispatcher.sendNext(placementId);

		assertThat(delivery.status()).isEqualTo(OccurrenceStatus.FAILED);
		assertThat(delivery.failure()).isEqualTo("account_inactive");
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(placements.get(placementId).getStatus()).isEqualTo(PlacementStatus.PAUSED);

		clock.advance(Duration.ofDays(8));
		assertThat(drainOutbox()).isZero();
		assertThat(dispatcher.catchUp(placementId)).isEmpty();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
	}

	@Test
	void theSameKeyIsSentOnceHoweverOftenItIsHandedIn() {
		Outgoing note = TestMessages.toMember("test:once", MessageKind.NOTICE, "once", ADA, ChatMessage.text("Hello"));

		Delivery first = outbox.send(note);
		Delivery second = outbox.send(note);
		Delivery third = outbox.enqueue(note);

		assertThat(first.isSent()).isTrue();
		assertThat(second.status()).isEqualTo(OutboxStatus.SENT);
		assertThat(second.sent()).isEqualTo(first.sent());
		assertThat(third.sent()).isEqualTo(first.sent());
		assertThat(drainOutbox()).isZero();
		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(mongo.getCollection("outbox").countDocuments()).isEqualTo(1);
	}

	@Test
	void aClaimWhoseLeaseRanOutIsTakenOverAndOneThatHoldsIsLeftAlone() {
		Instant now = clock.instant();
		store.insertOnce(held("dead", "UDEAD", "instance-that-died/1", now.minusSeconds(1)));
		store.insertOnce(held("alive", "UALIVE", "instance-still-sending/2", now.plusSeconds(30)));

		assertThat(drainOutbox()).isEqualTo(1);

		assertThat(SlackStub.messagesTo("UDEAD")).hasSize(1);
		assertThat(SlackStub.messagesTo("UALIVE")).isEmpty();
		assertThat(outboxDocument("test:dead").getString("status")).isEqualTo("SENT");
		assertThat(outboxDocument("test:dead").getInteger("attempts")).isEqualTo(2);
		assertThat(outboxDocument("test:alive").getString("status")).isEqualTo("SENDING");

		clock.advance(Duration.ofSeconds(31));
		assertThat(drainOutbox()).isEqualTo(1);
		assertThat(SlackStub.messagesTo("UALIVE")).hasSize(1);
	}

	@Test
	void twoInstancesDrainingOneOutboxSendEveryMessageExactlyOnce() {
		OutboxWorker other = new OutboxWorker(store, messenger, mailer, events, settings, clock);
		int count = 120;
		IntStream.range(0, count)
			.forEach(i -> outbox.enqueue(TestMessages.toMember("test:" + i, MessageKind.NOTICE, String.valueOf(i), "U" + (i % 12),
					ChatMessage.text("message " + i))));

		CompletableFuture<Integer> mine = CompletableFuture.supplyAsync(this::drainOutbox);
		CompletableFuture<Integer> theirs = CompletableFuture.supplyAsync(other::drain);

		assertThat(mine.join() + theirs.join()).isEqualTo(count);
		Map<String, Long> sentTimes = SlackStub.calls("chat.postMessage")
			.stream()
			.collect(Collectors.groupingBy(call -> call.get("text"), Collectors.counting()));
		assertThat(sentTimes).hasSize(count).allSatisfy((text, times) -> assertThat(times).as(text).isEqualTo(1));
		assertThat(outbox.counts()).containsEntry(OutboxStatus.SENT, (long) count)
			.containsEntry(OutboxStatus.PENDING, 0L)
			.containsEntry(OutboxStatus.SENDING, 0L);
	}

	@Test
	void aClaimTakenOverWhileItWaitedForItsTurnIsNotSentByTheThreadThatLostIt() {
		// a worker that paces one message a second to a conversation, and whose waiting lasts past its lease
		OutboxSettings paced = new OutboxSettings(false, 1000, Duration.ofSeconds(1), 1, settings.lease(), 10,
				settings.backoff(), settings.maxBackoff(), settings.poll());
		OutboxWorker other = new OutboxWorker(store, messenger, mailer, events, settings, clock);
		int[] takenOver = new int[1];
		Pacer.Ticker slowTurn = new Pacer.Ticker() {
			@Override
			public long nanos() {
				return System.nanoTime();
			}

			@Override
			public void sleep(Duration duration) {
				// meanwhile the lease runs out and another instance takes the message over and sends it
				clock.advance(settings.lease().plusSeconds(1));
				takenOver[0] += other.drain();
			}
		};
		OutboxWorker slow = new OutboxWorker(store, messenger, mailer, events, paced, clock, slowTurn);
		outbox.enqueue(TestMessages.toMember("test:first", MessageKind.NOTICE, "1", ADA, ChatMessage.text("first")));
		outbox.enqueue(TestMessages.toMember("test:second", MessageKind.NOTICE, "2", ADA, ChatMessage.text("second")));

		slow.drain();

		// both were due at the same instant, so either may be the one that had to wait
		assertThat(takenOver[0]).isEqualTo(1);
		assertThat(SlackStub.messagesTo(ADA)).extracting(m -> m.get("text"))
			.containsExactlyInAnyOrder("first", "second");
		assertThat(List.of(outboxDocument("test:first"), outboxDocument("test:second")))
			.allSatisfy(sent -> assertThat(sent.getString("status")).isEqualTo("SENT"))
			.extracting(sent -> sent.getInteger("attempts"))
			.containsExactlyInAnyOrder(1, 2);
	}

	@Test
	void aClaimWaitingLongerThanItsLeaseForItsSlotKeepsItAndIsSentOnce() {
		// one message a conversation every two leases: the second message to Ada waits two leases for its slot
		Duration spacing = settings.lease().multipliedBy(2);
		OutboxSettings paced = new OutboxSettings(false, 1000, spacing, 1, settings.lease(), 10, settings.backoff(),
				settings.maxBackoff(), settings.poll());
		OutboxWorker other = new OutboxWorker(store, messenger, mailer, events, settings, clock);
		int[] takenOver = new int[1];
		PacerTests.FakeTicker clockTicker = new PacerTests.FakeTicker() {
			@Override
			public void sleep(Duration duration) {
				// a lease and a second into the wait, another instance looks for work; the clock moves with the wait
				Duration first = settings.lease().plusSeconds(1);
				clock.advance(first);
				now += first.toNanos();
				takenOver[0] += other.drain();
				super.sleep(duration.minus(first));
				clock.advance(duration.minus(first));
			}
		};
		long start = Duration.ofDays(20_000).toNanos();
		clockTicker.now = start;
		OutboxWorker slow = new OutboxWorker(store, messenger, mailer, events, paced, clock, clockTicker);
		outbox.enqueue(TestMessages.toMember("test:first", MessageKind.NOTICE, "1", ADA, ChatMessage.text("first")));
		outbox.enqueue(TestMessages.toMember("test:second", MessageKind.NOTICE, "2", ADA, ChatMessage.text("second")));

		assertThat(slow.drain()).isEqualTo(2);

		// one wait, for the second message's slot two leases on
		assertThat(clockTicker.waits).hasSize(1);
		assertThat(Duration.ofNanos(clockTicker.now - start)).isEqualTo(spacing);
		// the wait was longer than the lease, but the lease covered it: nobody took the message over
		assertThat(takenOver[0]).isZero();
		assertThat(SlackStub.messagesTo(ADA)).extracting(m -> m.get("text")).containsExactlyInAnyOrder("first", "second");
		assertThat(List.of(outboxDocument("test:first"), outboxDocument("test:second")))
			.allSatisfy(sent -> assertThat(sent.getString("status")).isEqualTo("SENT"))
			.allSatisfy(sent -> assertThat(sent.getInteger("attempts")).isEqualTo(1));
	}

	@Test
	void settledMessagesAreForgottenAfterThirtyDaysAndNothingElseIs() {
		outbox.send(TestMessages.toMember("test:old-sent", MessageKind.NOTICE, "1", ADA, ChatMessage.text("old")));
		SlackStub.error("chat.postMessage", "channel_not_found");
		outbox.send(TestMessages.toMember("test:old-failed", MessageKind.NOTICE, "2", "UGONE", ChatMessage.text("old")));
		SlackStub.reset();
		SlackStub.status("chat.postMessage", 503);
		outbox.send(TestMessages.toMember("test:still-trying", MessageKind.NOTICE, "3", "UBO", ChatMessage.text("trying")));
		SlackStub.reset();
		clock.advance(Duration.ofDays(29));
		outbox.send(TestMessages.toMember("test:recent", MessageKind.NOTICE, "4", ADA, ChatMessage.text("recent")));
		clock.advance(Duration.ofDays(2));

		assertThat(worker.prune()).isEqualTo(2);

		assertThat(outboxDocument("test:old-sent")).isNull();
		assertThat(outboxDocument("test:old-failed")).isNull();
		assertThat(outboxDocument("test:recent")).isNotNull();
		assertThat(outboxDocument("test:still-trying").getString("status")).isEqualTo("PENDING");
	}

	@Test
	void aStoreFailureJustBeforeTheSendLeavesTheMessageToItsLeaseAndItIsSentOnceAfterIt() {
		// the store fails at the renewal just before the send: once in the worker, once in a foreground send
		FailingStore failing = new FailingStore();
		OutboxWorker cutOff = new OutboxWorker(failing, messenger, mailer, events, settings, clock);
		Outbox cutOffOutbox = new Outbox(failing, cutOff, clock);
		outbox.enqueue(TestMessages.toMember("test:queued", MessageKind.NOTICE, "1", ADA, ChatMessage.text("Queued")));

		failing.failAt = "renew";
		assertThatThrownBy(cutOff::drain).isInstanceOf(DataAccessResourceFailureException.class);
		failing.failAt = "renew";
		failing.driverError = true;
		assertThatThrownBy(() -> cutOffOutbox.send(TestMessages.toMember("test:now", MessageKind.NOTICE, "2", "UBEATA",
				ChatMessage.text("Now")))).isInstanceOf(MongoSocketReadException.class);

		for (String key : List.of("test:queued", "test:now")) {
			Document held = outboxDocument(key);
			assertThat(held.getString("status")).as(key).isEqualTo("SENDING");
			assertThat(held).as(key).containsKey("message").doesNotContainKey("failure");
		}
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		assertThat(drainOutbox()).as("within the lease").isZero();

		clock.advance(settings.lease().plusSeconds(1));
		assertThat(drainOutbox()).isEqualTo(2);
		clock.advance(settings.lease().plusSeconds(1));
		assertThat(drainOutbox()).isZero();

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		assertThat(SlackStub.messagesTo("UBEATA")).hasSize(1);
		for (String key : List.of("test:queued", "test:now")) {
			Document sent = outboxDocument(key);
			assertThat(sent.getString("status")).as(key).isEqualTo("SENT");
			assertThat(sent.getInteger("attempts")).as(key).isEqualTo(2);
			// taken over after its lease: counted as possibly sent twice, though here its holder never got to send it
			assertThat(sent.getInteger("ambiguousAttempts")).as(key).isEqualTo(1);
		}
	}

	@Test
	void aStoreFailureAfterSlackTookTheMessageMeansItIsSentAgainAfterTheLeaseAndFlagged() {
		FailingStore failing = new FailingStore();
		OutboxWorker cutOff = new OutboxWorker(failing, messenger, mailer, events, settings, clock);
		outbox.enqueue(TestMessages.toMember("test:sent-unmarked", MessageKind.NOTICE, "1", ADA, ChatMessage.text("Hello")));

		failing.failAt = "markSent";
		assertThatThrownBy(cutOff::drain).isInstanceOf(DataAccessResourceFailureException.class);

		assertThat(SlackStub.messagesTo(ADA)).hasSize(1);
		Document unmarked = outboxDocument("test:sent-unmarked");
		assertThat(unmarked.getString("status")).isEqualTo("SENDING");
		assertThat(unmarked).containsKey("message");

		clock.advance(settings.lease().plusSeconds(1));
		assertThat(drainOutbox()).isEqualTo(1);

		// the store never heard that Slack had it: after the lease it goes again, a duplicate, and it is flagged
		assertThat(SlackStub.messagesTo(ADA)).hasSize(2);
		Document sent = outboxDocument("test:sent-unmarked");
		assertThat(sent.getString("status")).isEqualTo("SENT");
		assertThat(sent.getInteger("ambiguousAttempts")).isEqualTo(1);
		assertThat(outbox.possiblyDuplicated()).isEqualTo(1);
	}

	@Test
	void aStoreFailureWhileSettlingAFailedSendLeavesTheDecisionToSlacksNextAnswer() {
		FailingStore failing = new FailingStore();
		OutboxWorker cutOff = new OutboxWorker(failing, messenger, mailer, events, settings, clock);
		outbox.enqueue(TestMessages.toMember("test:retry", MessageKind.NOTICE, "1", ADA, ChatMessage.text("Retry me")));
		SlackStub.status("chat.postMessage", 503);
		failing.failAt = "retryLater";
		assertThatThrownBy(cutOff::drain).isInstanceOf(DataAccessResourceFailureException.class);
		outbox.enqueue(TestMessages.toMember("test:refused", MessageKind.NOTICE, "2", "UGONE", ChatMessage.text("Refused")));
		SlackStub.error("chat.postMessage", "channel_not_found");
		failing.failAt = "markFailed";
		assertThatThrownBy(cutOff::drain).isInstanceOf(DataAccessResourceFailureException.class);

		// neither is given up for the store's failure: both wait for their lease
		assertThat(outboxDocument("test:retry").getString("status")).isEqualTo("SENDING");
		assertThat(outboxDocument("test:refused").getString("status")).isEqualTo("SENDING");
		assertThat(outbox.failed(10)).isEmpty();

		SlackStub.reset();
		SlackStub.error("chat.postMessage", "channel_not_found");
		clock.advance(settings.lease().plusSeconds(1));
		drainOutbox();
		// Slack's own answer gives a message up
		assertThat(outbox.failed(10)).extracting(Outbox.FailedDelivery::key)
			.containsExactlyInAnyOrder("test:retry", "test:refused");
	}

	@Test
	void aSendWhoseOutcomeIsUnknownIsRetriedAndStaysFlaggedOnceSent() {
		SlackStub.server()
			.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("drop")
				.whenScenarioStateIs(STARTED)
				.willSetStateTo("answered")
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		Delivery delivery = outbox.send(TestMessages.toMember("test:unknown", MessageKind.NOTICE, "1", ADA,
				ChatMessage.text("Did it arrive?")));

		assertThat(delivery.status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(delivery.failure()).isEqualTo("no_answer");
		assertThat(outboxDocument("test:unknown").getInteger("ambiguousAttempts")).isEqualTo(1);
		clock.advance(Duration.ofMinutes(1));
		assertThat(drainOutbox()).isEqualTo(1);
		Document sent = outboxDocument("test:unknown");
		assertThat(sent.getString("status")).isEqualTo("SENT");
		assertThat(sent.getInteger("ambiguousAttempts")).isEqualTo(1);
		assertThat(SlackStub.messagesTo(ADA)).hasSize(2);

		// a 503 means Slack did not take it: retried, not flagged
		SlackStub.status("chat.postMessage", 503);
		outbox.send(TestMessages.toMember("test:refused-for-now", MessageKind.NOTICE, "2", ADA, ChatMessage.text("Later")));
		assertThat(outboxDocument("test:refused-for-now").getInteger("ambiguousAttempts", 0)).isZero();
		assertThat(outbox.possiblyDuplicated()).isEqualTo(1);
	}

	/** The outbox's store, failing once at the step a test names, as a store cut off mid-command does. */
	private class FailingStore extends OutboxStore {

		volatile String failAt;
		volatile boolean driverError;

		FailingStore() {
			super(mongo);
		}

		private void maybeFail(String step) {
			if (step.equals(failAt)) {
				failAt = null;
				if (driverError) {
					driverError = false;
					throw new MongoSocketReadException("Connection reset", new ServerAddress("127.0.0.1", 27017));
				}
				throw new DataAccessResourceFailureException("Connection reset while " + step);
			}
		}

		@Override
		boolean renew(OutboxMessage message, String owner, Instant leaseUntil) {
			maybeFail("renew");
			return super.renew(message, owner, leaseUntil);
		}

		@Override
		boolean markSent(OutboxMessage message, String owner, org.fieldnotes.chat.SentMessage sent, Instant now) {
			maybeFail("markSent");
			return super.markSent(message, owner, sent, now);
		}

		@Override
		boolean retryLater(OutboxMessage message, String owner, Instant next, String reason, boolean ambiguous) {
			maybeFail("retryLater");
			return super.retryLater(message, owner, next, reason, ambiguous);
		}

		@Override
		boolean markFailed(OutboxMessage message, String owner, String reason, boolean recipientGone,
				boolean ambiguous, Instant now) {
			maybeFail("markFailed");
			return super.markFailed(message, owner, reason, recipientGone, ambiguous, now);
		}
	}

	private OutboxMessage held(String id, String recipient, String owner, Instant leaseUntil) {
		Instant claimed = leaseUntil.minus(settings.lease());
		return new OutboxMessage(id, "test:" + id, MessageKind.NOTICE, id, recipient,
				new org.fieldnotes.chat.ChatAccount("slack", null, recipient), ChatMessage.text("Held " + id),
				List.of(), OutboxStatus.SENDING, 1, claimed, claimed, owner, leaseUntil, null, null, null, null, null, null, false);
	}

	private Document outboxDocument(String key) {
		return mongo.getCollection("outbox").find(new Document("key", key)).first();
	}

}
