package org.fieldnotes.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs the same action on several threads released at once, as several senders, retries or instances would. */
public final class Racing {

	private Racing() {
	}

	/** The results of {@code racers} runs of {@code action}, all started together. */
	public static <T> List<T> race(int racers, Supplier<T> action) {
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return action.get();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
