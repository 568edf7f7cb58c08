package org.fieldnotes.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.bson.Document;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Instances over one store share one budget per workspace: each slot is taken from the workspace's document in
 * {@code outbox_pace} with one atomic update, so two pacers (two instances) together never send to a workspace faster
 * than the configured rate, and a rate one of them learns from a 429 slows the other too. On a fake ticker: time
 * stands still, and each wait is the distance of a send's slot from now.
 */
class SharedPaceTests extends IntegrationTest {

	private static final String WORKSPACE = "slack/T1";
	private static final double RATE = 4;
	private static final long QUARTER_SECOND = Duration.ofMillis(250).toNanos();

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxStore store;

	@Autowired
	OutboxSettings settings;

	@Autowired
	Messenger messenger;

	@Autowired
	Mailer mailer;

	@Autowired
	ApplicationEventPublisher events;

	/** A ticker at a fixed moment that records the waits asked of it. */
	static final class StillTicker implements Pacer.Ticker {

		final long now = Duration.ofDays(20_000).toNanos();
		final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

		@Override
		public long nanos() {
			return now;
		}

		@Override
		public void sleep(Duration duration) {
			waits.add(duration);
		}
	}

	private Pacer sharedPacer(Pacer.Ticker ticker) {
		return new Pacer(Duration.ofSeconds(1), RATE, ticker, new SharedPaceBudgets(mongo));
	}

	@Test
	void thePacingSlotsAreDeclaredToTheStoreAsNotWorthASyncOfTheirOwn(
			@Autowired java.util.List<org.fieldnotes.store.NotSynced> declared) {
		// the only one: everything else is synced before it is answered
		assertThat(declared).extracting(org.fieldnotes.store.NotSynced::collection)
			.containsExactly(SharedPaceBudgets.COLLECTION);
	}

	@Test
	void twoPacersTakingSlotsAtOnceFromOneStoreGetOneSlotEachAQuarterSecondApart() {
		StillTicker ticker = new StillTicker();
		List<Pacer> instances = List.of(sharedPacer(ticker), sharedPacer(ticker));
		int threadsEach = 4;
		int slotsEach = 10;

		List<CompletableFuture<List<Long>>> takers = new ArrayList<>();
		for (Pacer instance : instances) {
			for (int t = 0; t < threadsEach; t++) {
				int thread = t;
				takers.add(CompletableFuture.supplyAsync(() -> IntStream.range(0, slotsEach)
					.mapToObj(i -> instance.reserveForTest(WORKSPACE, "U" + thread + "-" + i).toNanos())
					.toList()));
			}
		}
		List<Long> waits = new ArrayList<>(takers.stream().flatMap(taker -> taker.join().stream()).toList());
		Collections.sort(waits);

		// 80 slots from eight threads in two instances: exactly one every 250 ms, none shared, none closer
		assertThat(waits).containsExactlyElementsOf(
				IntStream.range(0, 2 * threadsEach * slotsEach).mapToObj(k -> k * QUARTER_SECOND).toList());
		assertThat(mongo.findById(WORKSPACE, Document.class, SharedPaceBudgets.COLLECTION).getLong("next"))
			.isEqualTo(ticker.now + 80 * QUARTER_SECOND);
	}

	@Test
	void twoOutboxWorkersOverOneStoreSendToAWorkspaceAtTheRateTogether() {
		OutboxSettings paced = new OutboxSettings(false, RATE, Duration.ofSeconds(1), 1, settings.lease(), 10,
				settings.backoff(), settings.maxBackoff(), settings.poll());
		StillTicker ticker = new StillTicker();
		OutboxWorker one = new OutboxWorker(store, messenger, mailer, events, paced, clock, ticker);
		OutboxWorker other = new OutboxWorker(store, messenger, mailer, events, paced, clock, ticker);
		int count = 12;
		IntStream.range(0, count)
			.forEach(i -> outbox.enqueue(TestMessages.toMember("test:shared:" + i, MessageKind.NOTICE, String.valueOf(i),
					"T1", "U" + i, ChatMessage.text("message " + i))));

		// the two instances take turns: each claims one message and sends it
		for (int i = 0; i < count; i++) {
			OutboxWorker instance = i % 2 == 0 ? one : other;
			OutboxMessage claimed = store
				.claimNext(instance.owner(), clock.instant(), instance.leaseFrom(clock.instant()))
				.orElseThrow();
			assertThat(instance.deliver(claimed).status()).isEqualTo(OutboxStatus.SENT);
		}

		assertThat(SlackStub.calls("chat.postMessage")).hasSize(count);
		// the first went at once; the others each waited for a slot of their own, a quarter of a second apart,
		// whichever instance sent them (an instance of its own would have let its first send go at once)
		List<Long> waits = new ArrayList<>(ticker.waits.stream().map(Duration::toNanos).toList());
		Collections.sort(waits);
		assertThat(waits).containsExactlyElementsOf(
				IntStream.range(1, count).mapToObj(k -> k * QUARTER_SECOND).toList());
	}

	@Test
	void aRateOneInstanceLearnsFromA429SlowsTheOtherToo() throws InterruptedException {
		PacerTests.FakeTicker ticker = new PacerTests.FakeTicker();
		ticker.now = Duration.ofDays(20_000).toNanos();
		Pacer one = sharedPacer(ticker);
		Pacer other = sharedPacer(ticker);
		other.await(WORKSPACE, "U0");

		double lowered = one.limited(one.turn(WORKSPACE, "U1"));

		assertThat(lowered).isEqualTo(RATE * Pacer.DECREASE);
		Document budget = mongo.findById(WORKSPACE, Document.class, SharedPaceBudgets.COLLECTION);
		assertThat(budget.getLong("generation")).isEqualTo(1L);
		assertThat(budget.getDouble("rate")).isEqualTo(lowered);
		// the other instance learns it with its next slot (taken at the rate it knew), and spaces the ones after it
		// at the lowered rate
		assertThat(other.rate(WORKSPACE)).isEqualTo(RATE);
		assertThat(other.await(WORKSPACE, "U2").toNanos()).isEqualTo(QUARTER_SECOND);
		assertThat(other.rate(WORKSPACE)).isEqualTo(lowered);
		assertThat(other.await(WORKSPACE, "U3").toNanos()).isEqualTo(QUARTER_SECOND);
		assertThat(other.await(WORKSPACE, "U4").toNanos()).isEqualTo((long) (1e9 / lowered));
		assertThat(other.await(WORKSPACE, "U5").toNanos()).isEqualTo((long) (1e9 / lowered));
	}

	@Test
	void twoInstancesToldAtOnceLowerTheRateOnce() throws InterruptedException {
		PacerTests.FakeTicker ticker = new PacerTests.FakeTicker();
		ticker.now = Duration.ofDays(20_000).toNanos();
		Pacer one = sharedPacer(ticker);
		Pacer other = sharedPacer(ticker);
		Pacer.Turn mine = one.turn(WORKSPACE, "U1");
		Pacer.Turn theirs = other.turn(WORKSPACE, "U2");

		one.limited(mine);
		other.limited(theirs);

		assertThat(mongo.findById(WORKSPACE, Document.class, SharedPaceBudgets.COLLECTION).getLong("generation"))
			.isEqualTo(1L);
		assertThat(one.rate(WORKSPACE)).isEqualTo(RATE * Pacer.DECREASE);
		assertThat(other.rate(WORKSPACE)).isEqualTo(RATE * Pacer.DECREASE);
	}

	@Test
	void aSendWaitingForItsTurnWhenAnotherIsAnswered429IsPutBackUnsentUntilThePauseHasPassed() throws Exception {
		// Slack answers the first send 429 (30 s)
		SlackStub.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=UA1"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
				.withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
		OutboxSettings paced = new OutboxSettings(false, RATE, Duration.ofSeconds(1), 2, settings.lease(), 10,
				settings.backoff(), settings.maxBackoff(), settings.poll());
		// both sends wait for their turn (the workspace's next slot is a second away); the first one's wait ends
		// once the second is waiting too, and the second's once the first one's 429 has lowered the rate
		mongo.insert(new Document("_id", "slack/TA").append("next", Pacer.Ticker.SYSTEM.nanos() + 1_000_000_000L)
			.append("generation", 0L).append("rate", 0.0).append("learnedAt", 0L).append("accepted", 0L),
				SharedPaceBudgets.COLLECTION);
		CountDownLatch firstWaiting = new CountDownLatch(1);
		CountDownLatch secondWaiting = new CountDownLatch(1);
		AtomicInteger waits = new AtomicInteger();
		Pacer.Ticker ticker = new Pacer.Ticker() {
			@Override
			public long nanos() {
				return Pacer.Ticker.SYSTEM.nanos();
			}

			@Override
			public void sleep(Duration duration) throws InterruptedException {
				int wait = waits.incrementAndGet();
				if (wait == 1) {
					firstWaiting.countDown();
					assertThat(secondWaiting.await(10, TimeUnit.SECONDS)).isTrue();
				}
				else if (wait == 2) {
					secondWaiting.countDown();
					await().atMost(Duration.ofSeconds(10)).until(() -> mongo
						.findById("slack/TA", Document.class, SharedPaceBudgets.COLLECTION).getLong("generation") == 1L);
				}
			}
		};
		OutboxWorker worker = new OutboxWorker(store, messenger, mailer, events, paced, clock, ticker);
		outbox.enqueue(TestMessages.toMember("test:first", MessageKind.NOTICE, "1", "TA", "UA1", ChatMessage.text("1")));
		OutboxMessage first = store.claimNext(worker.owner(), clock.instant(), worker.leaseFrom(clock.instant()))
			.orElseThrow();
		outbox.enqueue(TestMessages.toMember("test:second", MessageKind.NOTICE, "2", "TA", "UA2", ChatMessage.text("2")));
		OutboxMessage second = store.claimNext(worker.owner(), clock.instant(), worker.leaseFrom(clock.instant()))
			.orElseThrow();

		CompletableFuture<OutboxMessage> limited = CompletableFuture.supplyAsync(() -> worker.deliver(first));
		assertThat(firstWaiting.await(10, TimeUnit.SECONDS)).isTrue();
		OutboxMessage waited = worker.deliver(second);

		assertThat(limited.get(10, TimeUnit.SECONDS).status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(SlackStub.messagesTo("UA1")).hasSize(1);
		assertThat(waited.status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(SlackStub.messagesTo("UA2")).as("not sent into the pause").isEmpty();
		Document putBack = mongo.findOne(Query.query(Criteria.where("key").is("test:second")), Document.class,
				"outbox");
		assertThat(putBack.getString("status")).isEqualTo("PENDING");
		assertThat(putBack.getInteger("attempts")).as("nothing was sent: no attempt counted").isZero();
		assertThat(putBack.getDate("nextAttemptAt").toInstant()).isEqualTo(DEFAULT_NOW.plusSeconds(30));

		// once the pause has passed, both go
		SlackStub.reset();
		clock.set(DEFAULT_NOW.plusSeconds(30));
		assertThat(worker.drain()).isEqualTo(2);
		assertThat(SlackStub.messagesTo("UA1")).hasSize(1);
		assertThat(SlackStub.messagesTo("UA2")).hasSize(1);
	}
}
