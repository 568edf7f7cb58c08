package org.fieldnotes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fieldnotes.support.ChildFieldnotes;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P1, ingestion (issue 13): signed {@code message.im} replies from enrolled participants, sent open loop at a
 * constant rate, against Fieldnotes (a child JVM, {@code -Xmx512m}, embedded store, Slack = WireMock) and against
 * the bare Bolt app ({@link BareBoltApp}, the floor) in the same run. For each: the first run right after UP
 * (cold), a run after a warm-up (warm), rates stepped up to find the highest one held with p99 under 100 ms, and a
 * closed loop for throughput. Fieldnotes is then stopped and its store file read: every acknowledged event must be
 * an entry there (the one thing asserted; speed is printed, never asserted).
 * <p>
 * {@code ./mvnw -Pbench test -Dtest=P1IngestionBenchmark}. Scale it with {@code -Dp1.seconds} (cold and warm runs,
 * default 10), {@code -Dp1.rate} (default 300), {@code -Dp1.warmupSeconds} (10), {@code -Dp1.steps} (the rates
 * stepped through, default {@code 100,300,600,1000,1500,2200,3000}), {@code -Dp1.stepSeconds} (3),
 * {@code -Dp1.closedSeconds} (5), {@code -Dp1.senders} (closed-loop senders, 16), {@code -Dp1.participants} (50);
 * {@code -Dbench.jfr=true} records a flight recording of each app to {@code target/bench/};
 * {@code -Dp1.bare=false} leaves the floor out (to profile Fieldnotes alone: the ratios are then 1).
 */
@Tag("benchmark")
class P1IngestionBenchmark {

	private static final int PARTICIPANTS = Integer.getInteger("p1.participants", 50);
	private static final int RATE = Integer.getInteger("p1.rate", 300);
	private static final Duration RUN = Duration.ofSeconds(Long.getLong("p1.seconds", 10));
	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("p1.warmupSeconds", 10));
	private static final int[] STEPS = Arrays.stream(System.getProperty("p1.steps", "100,300,600,1000,1500,2200,3000")
		.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
	private static final Duration STEP = Duration.ofSeconds(Long.getLong("p1.stepSeconds", 3));
	private static final Duration CLOSED = Duration.ofSeconds(Long.getLong("p1.closedSeconds", 5));
	private static final int SENDERS = Integer.getInteger("p1.senders", 16);
	private static final double P99_LIMIT_MS = 100;

	@TempDir
	Path dir;

	@Test
	void fieldnotesAgainstTheBareBoltApp() throws Exception {
		SlackStub.reset();
		// -Dp1.bare=false leaves the floor out (to profile Fieldnotes alone); its ratios are then not printed
		Figures bare = Boolean.parseBoolean(System.getProperty("p1.bare", "true")) ? bare() : null;
		Figures fieldnotes = fieldnotes();
		if (bare == null) {
			bare = fieldnotes;
		}
		print(bare, fieldnotes);

		assertThat(fieldnotes.lost).as("acknowledged events missing from the store").isZero();
		assertThat(bare.acknowledged).as("the floor acknowledged events").isPositive();
	}

	private Figures bare() throws Exception {
		int port = ChildFieldnotes.freePort();
		long starting = System.nanoTime();
		try (ChildFieldnotes app = BenchApps.bare("p1-bare", port)) {
			double up = BenchApps.awaitUp(app, starting);
			List<String> participants = new ArrayList<>();
			for (int p = 0; p < PARTICIPANTS; p++) {
				participants.add("UBENCH" + p);
			}
			Figures figures = measure(new Load(app.baseUrl(), participants, "bare"), up);
			figures.stored = -1;
			app.stop();
			return figures;
		}
	}

	/**
	 * Enrols the participants in a first start, stops, and starts again on the same data folder: the cold run then
	 * meets a JVM that has served nothing yet, as after a deployment.
	 */
	private Figures fieldnotes() throws Exception {
		Path data = dir.resolve("data");
		int port = ChildFieldnotes.freePort();
		List<String> participants;
		try (ChildFieldnotes setup = BenchApps.fieldnotes("p1-fieldnotes-setup", data, port)) {
			setup.awaitHealthy(Duration.ofMinutes(3));
			participants = BenchApps.enrol(setup, "UBENCH", PARTICIPANTS);
			setup.stop();
		}
		long entriesBefore = BenchApps.count(data, "logbook_entries");
		long starting = System.nanoTime();
		Figures figures;
		Load load;
		try (ChildFieldnotes app = BenchApps.fieldnotes("p1-fieldnotes", data, port)) {
			double up = BenchApps.awaitUp(app, starting);
			load = new Load(app.baseUrl(), participants, "fn");
			figures = measure(load, up);
			app.stop();
		}
		Set<String> stored = BenchApps.entryKeys(data);
		figures.stored = stored.size() - entriesBefore;
		figures.lost = load.acknowledgedKeys().stream().filter(key -> !stored.contains(key)).count();
		return figures;
	}

	private static Figures measure(Load load, double up) throws Exception {
		Figures figures = new Figures();
		figures.up = up;
		figures.cold = load.openLoop(RATE, RUN);
		figures.warmUp = load.openLoop(RATE, WARM_UP);
		figures.warm = load.openLoop(RATE, RUN);
		for (int rate : STEPS) {
			Load.Run step = load.openLoop(rate, STEP);
			figures.steps.add(step);
			if (step.p(99) >= P99_LIMIT_MS || step.errors() > 0) {
				break;
			}
		}
		figures.closed = load.closedLoop(SENDERS, CLOSED);
		figures.acknowledged = figures.cold.acknowledged() + figures.warm.acknowledged()
				+ figures.steps.stream().mapToLong(Load.Run::acknowledged).sum() + figures.closed.acknowledged()
				+ figures.warmUp.acknowledged();
		return figures;
	}

	private static void print(Figures bare, Figures fn) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n=== P1 ingestion: %d participants, signed message.im events, open loop "
				+ "at %d/s (cold %ds right after UP, warm %ds after a %ds warm-up); %d cores, JDK %s ===%n", PARTICIPANTS,
				RATE, RUN.toSeconds(), RUN.toSeconds(), WARM_UP.toSeconds(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version")));
		out.append(String.format(Locale.ROOT, "%-34s %12s %12s %9s   %s%n", "figure", "bare Bolt", "Fieldnotes",
				"ratio", "goal"));
		row(out, "start to UP (s)", bare.up, fn.up, "");
		run(out, "cold", bare.cold, fn.cold, "p99 < 100 ms from the first request");
		run(out, "warm", bare.warm, fn.warm, "p99 <= 1.3x bare");
		row(out, "highest rate with p99 < 100 ms (/s)", held(bare), held(fn), "");
		row(out, "closed loop, acknowledged (/s)", bare.closed.acknowledgedPerSecond(),
				fn.closed.acknowledgedPerSecond(), "");
		row(out, "closed loop p99 (ms)", bare.closed.p(99), fn.closed.p(99), "");
		double storedPerSecond = fn.closed.acknowledged() / fn.closed.seconds();
		out.append(String.format(Locale.ROOT, "%-34s %12s %12.0f %8.1f%%   %s%n", "closed loop, stored (/s)", "-",
				storedPerSecond, 100 * storedPerSecond / bare.closed.acknowledgedPerSecond(),
				">= 25% of bare acknowledged"));
		out.append(String.format(Locale.ROOT, "%-34s %12d %12d %9s   %s%n", "errors (all runs)", bare.errors(),
				fn.errors(), "", "0"));
		out.append(String.format(Locale.ROOT, "%-34s %12s %12s %9s   %s%n", "entries stored / events acknowledged",
				"-", fn.stored + " / " + fn.acknowledged, "", "equal"));
		out.append(String.format(Locale.ROOT, "%-34s %12s %12d %9s   %s%n", "acknowledged, not in the store", "-",
				fn.lost, "", "0"));
		out.append(String.format(Locale.ROOT, "%nrate steps (%ds each): rate/s -> p99 ms (errors)%n", STEP.toSeconds()));
		out.append("  bare       ").append(steps(bare)).append('\n');
		out.append("  Fieldnotes ").append(steps(fn)).append('\n');
		System.out.println(out);
	}

	private static void run(StringBuilder out, String name, Load.Run bare, Load.Run fn, String goal) {
		row(out, name + " p50 (ms)", bare.p(50), fn.p(50), "");
		row(out, name + " p99 (ms)", bare.p(99), fn.p(99), goal);
		row(out, name + " max (ms)", bare.max(), fn.max(), "");
		out.append(String.format(Locale.ROOT, "%-34s %12d %12d %9s%n", name + " errors", bare.errors(), fn.errors(), ""));
	}

	private static void row(StringBuilder out, String name, double bare, double fn, String goal) {
		out.append(String.format(Locale.ROOT, "%-34s %12.2f %12.2f %8.2fx   %s%n", name, bare, fn,
				bare == 0 ? Double.NaN : fn / bare, goal));
	}

	private static double held(Figures figures) {
		return figures.steps.stream()
			.filter(s -> s.p(99) < P99_LIMIT_MS && s.errors() == 0)
			.mapToInt(Load.Run::rate)
			.max()
			.orElse(0);
	}

	private static String steps(Figures figures) {
		StringBuilder line = new StringBuilder();
		for (Load.Run step : figures.steps) {
			line.append(String.format(Locale.ROOT, "%d -> %.1f (%d)   ", step.rate(), step.p(99), step.errors()));
		}
		return line.toString();
	}

	private static final class Figures {

		double up;
		Load.Run cold;
		Load.Run warmUp;
		Load.Run warm;
		final List<Load.Run> steps = new ArrayList<>();
		Load.Run closed;
		long acknowledged;
		/** Entries the run added to the store (more than acknowledged when a request timed out at the sender). */
		long stored;
		/** Acknowledged events not in the store. */
		long lost;

		long errors() {
			return cold.errors() + warmUp.errors() + warm.errors() + closed.errors() + steps.stream().mapToLong(Load.Run::errors).sum();
		}
	}
}
