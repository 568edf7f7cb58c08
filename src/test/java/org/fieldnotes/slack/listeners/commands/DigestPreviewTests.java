package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code /fieldnotes digest preview}: a manager or coach sees their digest as it stands, only they see it, and
 * nothing is sent or claimed, so the week's digest still goes out.
 */
class DigestPreviewTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private JsonNode command(String userId, String text) {
		return json(slashCommand(userId, text).body());
	}

	@Test
	void aCoachSeesTheirDigestNowAndItIsNeitherSentNorClaimed() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		command(ADA, "visibility placement"); // shared with the manager too (the default is the coaches only)
		directMessage("Ev1", ADA, "1764669600.000100", "Planned the bench test with the supplier", null);
		clock.advance(java.time.Duration.ofMinutes(1));

		JsonNode answer = command("UBEATA", "digest preview");

		assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(blocksJson(answer)).contains("Your placements this week")
			.contains("Ada Lindqvist")
			.contains("Planned the bench test with the supplier");
		assertThat(SlackStub.messagesTo("UBEATA")).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		// the manager's preview: the placement's line, then the entry because it was shared with the whole placement
		assertThat(blocksJson(command("UMAJA", "digest preview"))).contains("Ada Lindqvist")
			.contains("Ada Lindqvist shared an entry with you")
			.contains("Planned the bench test with the supplier");
		assertThat(SlackStub.messagesTo("UMAJA")).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();

		assertThat(json(postJson("/api/v1/digests/send", "").body()).get("handled").asInt()).isEqualTo(3);
		drainOutbox();
		assertThat(SlackStub.messagesTo("UBEATA")).hasSize(1);
	}

	@Test
	void theSwedishCoachSeesItInSwedish() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command("UANDERS", "digest preview"))).contains("Dina placeringar den här veckan");
	}

	@Test
	void someoneWithoutADigestIsToldWhy() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command(ADA, "digest preview"))).contains("You have no digest");
	}

	@Test
	void digestAloneAnswersWithTheUsageLine() {
		assertThat(blocksJson(command("UMAJA", "digest"))).contains("Usage: /fieldnotes digest preview");
	}
}
