package org.fieldnotes.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.fieldnotes.support.SlackRequests;

/**
 * Signed {@code message.im} events from enrolled participants, sent to one app's {@code /slack/events} either open
 * loop (a constant rate, each request's latency measured from the moment it was scheduled to go, so a stall of the
 * app or of this sender counts) or closed loop (a fixed number of senders, each sending the next as soon as the last
 * was answered). Every event has its own event id and message {@code ts}, so each one is a new logbook entry.
 */
final class Load {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final String TEXT = "Learned how the test-rig team plans fatigue runs and wrote down the checklist.";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();
	private final URI events;
	private final List<String> participants;
	private final String tag;
	private final AtomicLong sequence = new AtomicLong();
	/** The natural keys ({@code slack:<channel>:<ts>}) of the events the app acknowledged with a 200. */
	private final Set<String> acknowledgedKeys = ConcurrentHashMap.newKeySet();

	/** @param tag makes event ids and {@code ts} unique to this app */
	Load(String baseUrl, List<String> participants, String tag) {
		this.events = URI.create(baseUrl + "/slack/events");
		this.participants = participants;
		this.tag = tag;
	}

	/** Open loop: {@code rate} events a second for {@code duration}; waits until every one is answered. */
	Run openLoop(int rate, Duration duration) throws InterruptedException {
		int count = (int) Math.max(1, rate * duration.toMillis() / 1000);
		long period = 1_000_000_000L / rate;
		long[] latencies = new long[count];
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<CompletableFuture<?>> pending = new ArrayList<>(count);
		long start = System.nanoTime() + 20_000_000L;
		for (int i = 0; i < count; i++) {
			long scheduled = start + i * period;
			long wait;
			while ((wait = scheduled - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int index = i;
			Event event = next();
			pending.add(http.sendAsync(event.request(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
				latencies[index] = System.nanoTime() - scheduled;
				if (failure == null && response.statusCode() == 200) {
					acknowledged.incrementAndGet();
					acknowledgedKeys.add(event.key());
				}
				else {
					errors.incrementAndGet();
				}
				return null;
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Run(rate, count, acknowledged.get(), errors.get(), latencies, seconds);
	}

	/** Closed loop: {@code senders} threads, each sending the next event as soon as the last was answered. */
	Run closedLoop(int senders, Duration duration) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Future<long[]>> results = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			results.add(pool.submit(() -> {
				long[] own = new long[1024];
				int n = 0;
				while (System.nanoTime() < deadline) {
					long sent = System.nanoTime();
					try {
						Event event = next();
						int status = http.send(event.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
						if (status == 200) {
							acknowledged.incrementAndGet();
							acknowledgedKeys.add(event.key());
						}
						else {
							errors.incrementAndGet();
						}
					}
					catch (java.io.IOException e) {
						errors.incrementAndGet();
					}
					if (n == own.length) {
						own = Arrays.copyOf(own, n * 2);
					}
					own[n++] = System.nanoTime() - sent;
				}
				return Arrays.copyOf(own, n);
			}));
		}
		List<long[]> parts = new ArrayList<>();
		for (Future<long[]> result : results) {
			parts.add(result.get());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		long[] latencies = parts.stream().flatMapToLong(Arrays::stream).toArray();
		return new Run(0, latencies.length, acknowledged.get(), errors.get(), latencies, seconds);
	}

	/** The natural keys of every event acknowledged so far. */
	Set<String> acknowledgedKeys() {
		return Set.copyOf(acknowledgedKeys);
	}

	private record Event(HttpRequest request, String key) {
	}

	/** The next event, from the participants by turns, signed as Slack signs it at the moment it is built. */
	private Event next() {
		long n = sequence.getAndIncrement();
		String participant = participants.get((int) (n % participants.size()));
		// a distinct message ts per event: the logbook's natural key is channel + ts
		String ts = (1_765_000_000L + n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
		String body = SlackRequests.directMessage("Ev" + tag + n, participant, "D" + participant, ts, TEXT, null);
		long timestamp = System.currentTimeMillis() / 1000;
		return new Event(HttpRequest.newBuilder(events)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("X-Slack-Request-Timestamp", Long.toString(timestamp))
			.header("X-Slack-Signature", SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), "slack:D" + participant + ":" + ts);
	}

	/**
	 * One run's figures.
	 * @param rate the open-loop rate (events/s), 0 for a closed loop
	 * @param seconds from the first scheduled send to the last answer
	 */
	record Run(int rate, int sent, int acknowledged, int errors, long[] latencies, double seconds) {

		double p(double percentile) {
			long[] sorted = latencies.clone();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

		double max() {
			return Arrays.stream(latencies).max().orElse(0) / 1e6;
		}

		double acknowledgedPerSecond() {
			return acknowledged / seconds;
		}
	}
}
