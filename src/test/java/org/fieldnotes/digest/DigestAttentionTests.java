package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The digest's "⚠ Needs attention" section, as a coach reads it in Slack: right after the heading, one line per
 * flagged placement saying why, flagged placements first, and nothing at all when nothing is flagged.
 * {@link #DEFAULT_NOW} is Wednesday 2 December 2026.
 */
class DigestAttentionTests extends IntegrationTest {

	@Autowired
	DigestService digests;

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	PlacementManagement placements;

	@Test
	void aCoachReadsWhyAPlacementNeedsAttentionWithoutAnyoneElsesWords() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		clock.set(Instant.parse("2026-11-16T09:00:00Z"));
		logbook.write(slack("UADA"), "Mapped the supplier chain");
		assertThat(statusUpdates.submit(slack("UADA"), new StatusUpdates.Report(OverallStatus.RED, "Stuck on the bench test",
				"no access to the CRM sandbox", 2), null, "form-1").outcome()).isEqualTo(StatusUpdates.Outcome.SAVED);
		clock.set(DEFAULT_NOW);

		digests.sendAll();

		String toMaja = onlyDigestTo("UMAJA");
		assertThat(toMaja).contains("*⚠ Needs attention*\n• *Ada Lindqvist (KTP 2026, Scania)*  "
				+ "no entry for 16 days (last: 16 Nov); status red since 16 Nov; a blocker open for 16 days")
			.doesNotContain("CRM sandbox")
			.doesNotContain("Stuck on the bench test");
		assertThat(toMaja.indexOf("Your placements this week")).isLessThan(toMaja.indexOf("Needs attention"));
		assertThat(toMaja.indexOf("Needs attention")).isLessThan(toMaja.indexOf("*Ada Lindqvist*"));
		assertThat(onlyDigestTo("UANDERS")).contains("*⚠ Behöver uppmärksamhet*")
			.contains("ingen anteckning på 16 dagar (senast: 16 nov")
			.contains("status röd sedan 16 nov")
			.contains("ett hinder öppet i 16 dagar")
			.doesNotContain("Needs attention");
	}

	@Test
	void nothingIsShownWhenNothingIsFlagged() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), "Mapped the supplier chain");

		digests.sendAll();

		assertThat(onlyDigestTo("UMAJA")).contains("*Ada Lindqvist*")
			.doesNotContain("Needs attention")
			.doesNotContain("⚠");
		assertThat(onlyDigestTo("UANDERS")).doesNotContain("Behöver uppmärksamhet");
	}

	@Test
	void aPausedPlacementIsNotFlagged() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		placements.pause(id);

		digests.sendAll();

		assertThat(onlyDigestTo("UMAJA")).contains("Prompts are paused").doesNotContain("Needs attention");
	}

	@Test
	void flaggedPlacementsComeFirst() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		enrolJson(placementJson("UBO", "2026-11-02", "2027-04-30").replace("Ada Lindqvist", "Bo Ng")
			.replace("Scania", "Volvo"));
		enrolJson(placementJson("UCY", "2026-11-02", "2027-04-30").replace("Ada Lindqvist", "Cy Berg")
			.replace("Scania", "Saab"));
		logbook.write(slack("UADA"), "Mapped the supplier chain");
		logbook.write(slack("UCY"), "Met the test team");

		digests.sendAll();

		String toMaja = onlyDigestTo("UMAJA");
		assertThat(toMaja).contains("• *Bo Ng (KTP 2026, Volvo)*  no entry yet (started 2 Nov)")
			.doesNotContain("Ada Lindqvist (KTP")
			.doesNotContain("Cy Berg (KTP");
		int bo = toMaja.indexOf("*Bo Ng*");
		assertThat(toMaja.indexOf("Needs attention")).isLessThan(bo);
		assertThat(bo).isLessThan(toMaja.indexOf("*Ada Lindqvist*")).isLessThan(toMaja.indexOf("*Cy Berg*"));
	}

	private String enrolJson(String body) {
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	private static String onlyDigestTo(String slackUserId) {
		List<Map<String, String>> messages = SlackStub.messagesTo(slackUserId);
		assertThat(messages).as("digest DMs to %s", slackUserId).hasSize(1);
		return SlackStub.blockTexts(messages.get(0));
	}
}
