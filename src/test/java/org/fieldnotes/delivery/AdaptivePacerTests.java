package org.fieldnotes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.delivery.PacerTests.FakeTicker;
import org.junit.jupiter.api.Test;

/**
 * The pacer learns a workspace's budget from its 429s: the rate drops after one (multiplicative decrease, or down to
 * the pace the platform took since the previous 429), is held for a minute, then climbs back slowly (additive
 * increase) to the configured rate and no further; each workspace learns for itself. On the fake ticker.
 */
class AdaptivePacerTests {

	private static final String WORKSPACE = "slack/T1";
	private static final double RATE = 4;

	private final FakeTicker ticker = new FakeTicker();
	private final Pacer pacer = new Pacer(Duration.ofSeconds(1), RATE, ticker);

	@Test
	void aRateLimitLowersTheWorkspacesRateAndTheSendsAfterItAreSpacedAtIt() throws InterruptedException {
		Pacer.Turn limited = pacer.turn(WORKSPACE, "U0");

		assertThat(pacer.limited(limited)).isEqualTo(RATE * Pacer.DECREASE);

		List<Duration> waits = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			waits.add(pacer.await(WORKSPACE, "U" + i));
		}
		// the first of them still has the slot the 429'd send left at the old rate; then 1 / 3.4 s apart
		assertThat(waits.subList(1, 4)).allSatisfy(wait -> assertThat(wait.toNanos())
			.isCloseTo((long) (1e9 / (RATE * Pacer.DECREASE)), within(1L)));
	}

	@Test
	void aSecondRateLimitWithinAMinuteLowersTheRateToThePaceThePlatformTook() throws InterruptedException {
		pacer.limited(pacer.turn(WORKSPACE, "U0"));
		long firstLimit = ticker.now;
		// 19 accepted over the next 6.5 s at the lowered rate (3.4/s), then a 429: the budget refilled by about 19
		Pacer.Turn turn = null;
		for (int i = 1; i <= 20; i++) {
			turn = pacer.turn(WORKSPACE, "U" + i);
			if (i < 20) {
				pacer.accepted(turn);
			}
		}
		ticker.now = firstLimit + Duration.ofMillis(6500).toNanos();

		double lowered = pacer.limited(turn);

		assertThat(lowered).isCloseTo(19 / 6.5, within(1e-9));
		assertThat(lowered).as("the pace measured, not a plain decrease")
			.isNotCloseTo(RATE * Pacer.DECREASE * Pacer.DECREASE, within(0.01));
	}

	@Test
	void sendsTimedBeforeTheRateDroppedDoNotCountTowardsThePaceLearnedNext() throws InterruptedException {
		Pacer.Turn limited = pacer.turn(WORKSPACE, "U0");
		Pacer.Turn inFlight = pacer.turn(WORKSPACE, "U1");
		pacer.limited(limited);
		long firstLimit = ticker.now;
		// accepted after the 429, but timed before it: the old rate's
		pacer.accepted(inFlight);
		Pacer.Turn turn = null;
		for (int i = 2; i <= 12; i++) {
			turn = pacer.turn(WORKSPACE, "U" + i);
			if (i < 12) {
				pacer.accepted(turn);
			}
		}
		ticker.now = firstLimit + Duration.ofSeconds(4).toNanos();

		// 10 accepted at the lowered rate over 4 s
		assertThat(pacer.limited(turn)).isCloseTo(10 / 4.0, within(1e-9));
	}

	@Test
	void aRateLimitOfASendTimedAtTheOldRateLowersNothingMore() throws InterruptedException {
		Pacer.Turn first = pacer.turn(WORKSPACE, "U1");
		Pacer.Turn second = pacer.turn(WORKSPACE, "U2");

		assertThat(pacer.limited(first)).isEqualTo(RATE * Pacer.DECREASE);
		assertThat(pacer.limited(second)).as("the second was timed before the rate dropped")
			.isEqualTo(RATE * Pacer.DECREASE);

		Pacer.Turn third = pacer.turn(WORKSPACE, "U3");
		assertThat(pacer.limited(third)).as("timed at the lowered rate: lowers it again")
			.isLessThan(RATE * Pacer.DECREASE);
	}

	@Test
	void aSendThatWaitedWhileAnotherWasRateLimitedIsToldItsTurnIsStale() throws InterruptedException {
		Pacer[] pacer = new Pacer[1];
		Pacer.Turn[] answered429 = new Pacer.Turn[1];
		// the 429 to the first send arrives while the second waits for its turn
		Pacer.Ticker answeredWhileWaiting = new Pacer.Ticker() {
			@Override
			public long nanos() {
				return ticker.nanos();
			}

			@Override
			public void sleep(Duration duration) {
				if (answered429[0] != null) {
					pacer[0].limited(answered429[0]);
					answered429[0] = null;
				}
				ticker.sleep(duration);
			}
		};
		pacer[0] = new Pacer(Duration.ofSeconds(1), RATE, answeredWhileWaiting);
		Pacer.Turn sent = pacer[0].turn(WORKSPACE, "U1");
		answered429[0] = sent;

		Pacer.Turn waited = pacer[0].turn(WORKSPACE, "U2");

		assertThat(waited.waited()).isEqualTo(Duration.ofMillis(250));
		assertThat(sent.stale()).isFalse();
		assertThat(waited.stale()).isTrue();
		assertThat(pacer[0].rate(WORKSPACE)).isEqualTo(RATE * Pacer.DECREASE);
		// should it be sent all the same and refused, it tells nothing new
		assertThat(pacer[0].limited(waited)).isEqualTo(RATE * Pacer.DECREASE);
		assertThat(pacer[0].turn(WORKSPACE, "U3").stale()).isFalse();
	}

	@Test
	void theLoweredRateHoldsForAMinuteThenClimbsBackToTheConfiguredRateAndNoFurther() throws InterruptedException {
		pacer.limited(pacer.turn(WORKSPACE, "U0"));
		long limitedAt = ticker.now;
		double lowered = RATE * Pacer.DECREASE;

		ticker.now = limitedAt + Duration.ofSeconds(59).toNanos();
		assertThat(pacer.rate(WORKSPACE)).isEqualTo(lowered);

		ticker.now = limitedAt + Duration.ofMinutes(2).toNanos();
		assertThat(pacer.rate(WORKSPACE)).isCloseTo(lowered + RATE * Pacer.INCREASE_PER_MINUTE, within(1e-9));

		ticker.now = limitedAt + Duration.ofMinutes(30).toNanos();
		assertThat(pacer.rate(WORKSPACE)).isEqualTo(RATE);
		assertThat(pacer.reserveForTest(WORKSPACE, "U1")).isZero();
		assertThat(pacer.reserveForTest(WORKSPACE, "U2")).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void eachWorkspaceLearnsItsOwnRate() throws InterruptedException {
		pacer.limited(pacer.turn("slack/TA", "U1"));

		assertThat(pacer.rate("slack/TA")).isEqualTo(RATE * Pacer.DECREASE);
		assertThat(pacer.rate("slack/TB")).isEqualTo(RATE);
		pacer.await("slack/TB", "U1");
		assertThat(pacer.reserveForTest("slack/TB", "U2")).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void noRunOfRateLimitsTakesTheRateBelowAQuarterOfTheConfiguredOne() throws InterruptedException {
		for (int i = 0; i < 30; i++) {
			Pacer.Turn turn = pacer.turn(WORKSPACE, "U" + i);
			ticker.now += Duration.ofSeconds(1).toNanos();
			pacer.limited(turn);
		}

		assertThat(pacer.rate(WORKSPACE)).isEqualTo(RATE / 4);
	}
}
