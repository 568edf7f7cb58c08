package org.fieldnotes.digest.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.digest.attention.Flag.Kind;
import org.fieldnotes.placement.PlacementFixtures;
import org.fieldnotes.text.IcuMessageSource;
import org.junit.jupiter.api.Test;

/** How flags read, in English and Swedish, from the {@code i18n/digest} bundle. */
class AttentionTextTests {

	private final Attention attention = new Attention(null, null, null, messages(), null, null, null);

	private final List<Flag> all = List.of(Flag.of(Kind.NO_RECENT_ENTRY, 16L, LocalDate.parse("2026-11-06")),
			Flag.of(Kind.RED_STATUS, LocalDate.parse("2026-12-03")), Flag.of(Kind.MOOD_DROP, 4, 2),
			Flag.of(Kind.LONG_BLOCKER, 16L), Flag.of(Kind.SKIPPED_IN_A_ROW, 3),
			Flag.of(Kind.DELIVERY_FAILED, "user_not_found"));

	@Test
	void everyFlagSaysWhyWithNumbersAndDates() {
		assertThat(attention.describe(all, Locale.ENGLISH)).isEqualTo("no entry for 16 days (last: 6 Nov); "
				+ "status red since 3 Dec; mood 4 → 2 over 3 weeks; a blocker open for 16 days; "
				+ "3 prompts skipped in a row; a prompt could not be delivered (user_not_found)");
		assertThat(attention.describe(List.of(new Flag(Kind.NO_RECENT_ENTRY, "never",
				List.of(LocalDate.parse("2026-11-02")))), Locale.ENGLISH)).isEqualTo("no entry yet (started 2 Nov)");
	}

	@Test
	void theyReadInSwedishToo() {
		Locale swedish = Locale.forLanguageTag("sv");
		String text = attention.describe(all, swedish);

		assertThat(text).startsWith("ingen anteckning på 16 dagar (senast: 6 nov")
			.contains("status röd sedan 3 dec")
			.contains("humör 4 → 2 på 3 veckor")
			.contains("ett hinder öppet i 16 dagar")
			.contains("3 frågor hoppades över i rad")
			.contains("en fråga kunde inte levereras (user_not_found)");
		assertThat(attention.describe(List.of(new Flag(Kind.NO_RECENT_ENTRY, "never",
				List.of(LocalDate.parse("2026-11-02")))), swedish)).startsWith("ingen anteckning än (började 2 nov");
	}

	@Test
	void whoIsNameProgramAndHost() {
		assertThat(attention.who(PlacementFixtures.placement("Europe/Stockholm", "2026-11-02", "2027-04-30",
				DayOfWeek.FRIDAY, "14:00"), Locale.ENGLISH)).isEqualTo("Ada Lindqvist (KTP 2026, Scania)");
	}

	private static IcuMessageSource messages() {
		return IcuMessageSource.of("i18n/digest");
	}
}
