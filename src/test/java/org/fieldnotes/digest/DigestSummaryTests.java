package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each placement's part of a digest opens with a summary of the entries it quotes, in the recipient's language. */
class DigestSummaryTests extends IntegrationTest {

	@Autowired
	DigestService digests;

	@Autowired
	Logbook logbook;

	@Test
	void aCoachsDigestOpensThePlacementWithASummaryOfItsEntries() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), "Planning the bench test with the supplier. Lunch was nice.");
		logbook.write(slack("UADA"), "Learning how design reviews are run, with the supplier.");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		String toBeata = SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0));
		String summary = toBeata.lines().filter(line -> line.startsWith("Summary: ")).findFirst().orElseThrow();
		assertThat(summary).contains("Planning the bench test with the supplier.")
			.contains("Learning how design reviews are run, with the supplier.")
			.doesNotContain("Lunch")
			.endsWith(" Themes: supplier.");
		// right after the placement's header line, before the prompts and the quoted entries
		assertThat(toBeata.indexOf("Summary: ")).isGreaterThan(toBeata.indexOf("you are the business coach"))
			.isLessThan(toBeata.indexOf("No prompt was due this week."));
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UANDERS").get(0))).contains("Sammanfattning: ")
			.contains("Teman: supplier.")
			.doesNotContain("Summary:");
	}

	@Test
	void aWeekWithoutEntriesHasNoSummary() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).doesNotContain("Summary")
			.contains("No logbook entries this week.");
	}
}
