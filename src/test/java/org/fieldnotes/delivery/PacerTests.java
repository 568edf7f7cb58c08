package org.fieldnotes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PacerTests {

	private static final String WORKSPACE = "slack/T1";

	/** A clock that only moves when the pacer waits. */
	static class FakeTicker implements Pacer.Ticker {

		long now;
		final List<Duration> waits = new ArrayList<>();

		@Override
		public long nanos() {
			return now;
		}

		@Override
		public void sleep(Duration duration) {
			waits.add(duration);
			now += duration.toNanos();
		}
	}

	@Test
	void oneConversationGetsAtMostOneMessageASecond() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Pacer pacer = new Pacer(Duration.ofSeconds(1), 1000, ticker);

		assertThat(pacer.await(WORKSPACE, "UADA")).isZero();
		assertThat(pacer.await(WORKSPACE, "UADA")).isEqualTo(Duration.ofSeconds(1));
		assertThat(pacer.await(WORKSPACE, "UADA")).isEqualTo(Duration.ofSeconds(1));
		assertThat(ticker.now).isEqualTo(Duration.ofSeconds(2).toNanos());
	}

	@Test
	void otherConversationsAreOnlyHeldToTheWorkspaceRate() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Pacer pacer = new Pacer(Duration.ofSeconds(1), 4, ticker);

		for (int i = 0; i < 8; i++) {
			pacer.await(WORKSPACE, "U" + i);
		}
		// 8 messages at 4 per second: the eighth goes 1.75 s after the first
		assertThat(ticker.now).isEqualTo(Duration.ofMillis(1750).toNanos());
		assertThat(ticker.waits).hasSize(7).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(250)));
	}

	@Test
	void aConversationThatMustWaitDoesNotHoldBackTheOthers() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Pacer pacer = new Pacer(Duration.ofSeconds(1), 10, ticker);
		pacer.await(WORKSPACE, "UADA");
		long afterFirst = ticker.now;

		// the second message to Ada must wait a second; Bo's waits only for the workspace's 100 ms
		Duration adaWaits = pacer.reserveForTest(WORKSPACE, "UADA");
		Duration boWaits = pacer.reserveForTest(WORKSPACE, "UBO");

		assertThat(afterFirst).isZero();
		assertThat(adaWaits).isEqualTo(Duration.ofSeconds(1));
		assertThat(boWaits).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void timePassingFreesTheConversation() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Pacer pacer = new Pacer(Duration.ofSeconds(1), 1000, ticker);
		pacer.await(WORKSPACE, "UADA");

		ticker.now += Duration.ofSeconds(5).toNanos();

		assertThat(pacer.await(WORKSPACE, "UADA")).isZero();
	}

	@Test
	void eachWorkspaceHasABudgetOfItsOwn() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Pacer pacer = new Pacer(Duration.ofSeconds(1), 4, ticker);
		pacer.await("slack/TA", "U1");

		// workspace A's next slot is 250 ms away; workspace B has not sent anything yet
		assertThat(pacer.reserveForTest("slack/TA", "U2")).isEqualTo(Duration.ofMillis(250));
		assertThat(pacer.reserveForTest("slack/TB", "U3")).isZero();
		// the same member id in another workspace is another conversation
		assertThat(pacer.reserveForTest("slack/TB", "U1")).isEqualTo(Duration.ofMillis(250));
	}
}
