package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A digest's warnings name its placements briefly, however many the recipient follows. */
class DigestLogLineTests {

	@Test
	void aDigestOfThousandsOfPlacementsIsNamedByHowManyAndTheFirstFew() {
		List<String> ids = IntStream.range(0, 10_000).mapToObj(i -> "placement-" + i).toList();

		String named = DigestService.placements(record(ids));

		assertThat(named).startsWith("10000 placements, the first [placement-0, placement-1")
			.doesNotContain("placement-5,")
			.hasSizeLessThan(120);
	}

	@Test
	void aFewPlacementsAreNamedAll() {
		assertThat(DigestService.placements(record(List.of("p1", "p2")))).isEqualTo("placements [p1, p2]");
		assertThat(DigestService.placements(record(null))).isEqualTo("placements []");
	}

	private static DigestRecord record(List<String> placementIds) {
		return new DigestRecord("r1", "person:1", "2026-W50", DigestStatus.CLAIMED, null, null, null, null,
				placementIds, List.of(), List.of(), null);
	}
}
