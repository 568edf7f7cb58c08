package org.fieldnotes.delivery;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A value that cannot work stops start-up with a message naming the variable and saying what to use. */
class OutboxSettingsTests {

	@Test
	void theDefaultsWork() {
		assertThatNoException().isThrownBy(() -> settings(4, 4, Duration.ofMinutes(1), 10));
	}

	@Test
	void eachUnworkableValueIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(0, 4, Duration.ofMinutes(1), 10))
			.withMessageContaining("FIELDNOTES_OUTBOX_RATE is 0.0")
			.withMessageContaining("e.g. 4");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(4, 0, Duration.ofMinutes(1), 10))
			.withMessageContaining("FIELDNOTES_OUTBOX_CONCURRENCY is 0");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(4, 4, Duration.ofSeconds(2), 10))
			.withMessageContaining("FIELDNOTES_OUTBOX_LEASE is PT2S")
			.withMessageContaining("at least PT5S");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(4, 4, Duration.ofMinutes(1), 0))
			.withMessageContaining("FIELDNOTES_OUTBOX_MAX_ATTEMPTS is 0");
	}

	private static OutboxSettings settings(double rate, int concurrency, Duration lease, int maxAttempts) {
		return new OutboxSettings(true, rate, Duration.ofSeconds(1), concurrency, lease, maxAttempts,
				Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofMillis(500));
	}
}
