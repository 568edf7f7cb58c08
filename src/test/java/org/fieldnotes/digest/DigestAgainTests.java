package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Duration;
import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * {@code /fieldnotes digest last} and {@code digest week 2026-W49}: a recorded digest sent again as a DM, rebuilt
 * from the ids its record holds (not from whatever is stored for those dates now), without a new claim. Week 49's
 * digest goes out on Thursday 3 December 2026.
 */
class DigestAgainTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	DigestService digests;

	@BeforeEach
	void weekFortyNineIsSent() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Kept: the supplier map", null);
		directMessage("Ev2", ADA, "1764669601.000100", "Deleted later: an old draft", null);
		directMessage("Ev3", ADA, "1764669602.000100", "Hidden later: the budget talk", null);
		clock.advance(Duration.ofDays(1));
		assertThat(digests.sendAll()).hasSize(3);
		assertThat(sent().messagesTo(slack("UBEATA"))).hasSize(1);
		assertThat(words(sent().messagesTo(slack("UBEATA")).get(0))).contains("Deleted later")
			.contains("Hidden later");
		clock.advance(Duration.ofHours(1));
	}

	@Test
	void lastSendsTheRecordedDigestAgainFromItsIdsAsADm() {
		// after the digest: one entry is deleted, one made private, and a new one is written in the same days
		assertThat(slackEvent(SlackRequests.messageDeleted("Ev4", "DUADA", "1764669601.000100"), "application/json")
			.statusCode()).isEqualTo(200);
		mongo.updateFirst(Query.query(Criteria.where("text").is("Hidden later: the budget talk")),
				new Update().set("visibility", Visibility.PRIVATE), LogbookEntry.class);
		// written into week 49's days after its digest went out (e.g. imported): inside the recorded window
		String placementId = mongo.findOne(new Query(), LogbookEntry.class).placementId();
		mongo.insert(new LogbookEntry("late-entry", placementId, ADA, "Written afterwards: the late note",
				EntrySource.FREE_FORM, null, null, "entry:late-entry", null, null, DEFAULT_NOW.plus(Duration.ofHours(2)),
				null, null));
		clock.advance(Duration.ofMinutes(1));

		JsonNode answer = command("UBEATA", "digest last");

		assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(blocksJson(answer)).contains("Your digest of week 2026-W49 is in your direct messages again.");
		List<ChatMessage> dms = sent().messagesTo(slack("UBEATA"));
		assertThat(dms).hasSize(2);
		assertThat(words(dms.get(1)))
			.contains("Sent again at your request: your digest of week 2026-W49 (first sent Thu 3 Dec 2026).")
			.contains("Ada Lindqvist")
			.contains("Kept: the supplier map")
			.doesNotContain("Deleted later")
			.doesNotContain("Hidden later")
			.doesNotContain("Written afterwards");
		// what is stored for those days now does include the late entry: the copy is built from the record's ids
		assertThat(blocksJson(command("UBEATA", "digest preview"))).contains("Written afterwards: the late note");

		// not a new claim, not this week's delivery
		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(3);
		assertThat(digests.sendAll()).isEmpty();
		assertThat(sent().messagesTo(slack("UBEATA"))).hasSize(2);
	}

	@Test
	void aGivenWeekIsSentAgainInTheirLanguage() {
		JsonNode answer = command("UANDERS", "digest week 2026-w49");

		assertThat(blocksJson(answer)).contains("Din sammanfattning för vecka 2026-W49 finns i dina direktmeddelanden igen.");
		List<ChatMessage> dms = sent().messagesTo(slack("UANDERS"));
		assertThat(dms).hasSize(2);
		assertThat(words(dms.get(1))).contains("Skickad igen på din begäran")
			.contains("Dina placeringar den här veckan")
			.contains("Kept: the supplier map");
	}

	@Test
	void aWeekWithoutADigestOrABadWeekIsExplained() {
		assertThat(blocksJson(command("UBEATA", "digest week 2026-W10")))
			.contains("You had no digest in week 2026-W10. /fieldnotes digest last sends your latest one again.");
		assertThat(blocksJson(command("UBEATA", "digest week last-week"))).contains("“last-week” is not a week.")
			.contains("Usage: /fieldnotes digest preview | settings | last | week 2026-W47");
		assertThat(blocksJson(command(ADA, "digest last"))).contains("You have not had a digest yet.");
		assertThat(sent().messagesTo(slack("UBEATA"))).hasSize(1);
	}

	private JsonNode command(String userId, String text) {
		return json(slashCommand(userId, text).body());
	}
}
