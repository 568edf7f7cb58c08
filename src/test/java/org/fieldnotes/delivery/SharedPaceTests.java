package org.fieldnotes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
}
