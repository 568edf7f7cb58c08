package org.fieldnotes.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@code FIELDNOTES_RETENTION} and {@code FIELDNOTES_RETENTION_TIME} are read. */
class RetentionPeriodTests {

	@Test
	void theDefaultIs365Days() {
		assertThat(RetentionPeriod.parse(null)).isEqualTo(Period.ofDays(365));
		assertThat(RetentionPeriod.parse("  ")).isEqualTo(Period.ofDays(365));
		assertThat(new RetentionSettings("P365D", "03:30").retention()).isEqualTo(Period.ofDays(365));
	}

	@Test
	void isoPeriodsAndPlainDaysAreRead() {
		assertThat(RetentionPeriod.parse("P365D")).isEqualTo(Period.ofDays(365));
		assertThat(RetentionPeriod.parse("p30d")).isEqualTo(Period.ofDays(30));
		assertThat(RetentionPeriod.parse("P1Y")).isEqualTo(Period.ofYears(1));
		assertThat(RetentionPeriod.parse("P18M")).isEqualTo(Period.ofMonths(18));
		assertThat(RetentionPeriod.parse("P52W")).isEqualTo(Period.ofDays(364));
		assertThat(RetentionPeriod.parse("730")).isEqualTo(Period.ofDays(730));
		assertThat(RetentionPeriod.parse(" 90 ")).isEqualTo(Period.ofDays(90));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT12H", "P1DT2H", "0", "P0D", "-P1D", "-5", "a year", "365 days", "99999999999" })
	void anythingElseIsRefusedNamingTheVariable(String value) {
		assertThatThrownBy(() -> RetentionPeriod.parse(value)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FIELDNOTES_RETENTION")
			.hasMessageContaining("P365D");
		assertThatThrownBy(() -> new RetentionSettings(value, "03:30")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSweepTimeIsAnUtcTimeOfDay() {
		assertThat(new RetentionSettings("P365D", "03:30").sweepTime()).isEqualTo(LocalTime.of(3, 30));
		assertThat(new RetentionSettings("P365D", "23:05").sweepTime()).isEqualTo(LocalTime.of(23, 5));
		assertThatThrownBy(() -> new RetentionSettings("P365D", "3.30")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FIELDNOTES_RETENTION_TIME");
	}
}
